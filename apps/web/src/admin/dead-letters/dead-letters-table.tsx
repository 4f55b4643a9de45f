'use client';
import Link from 'next/link';
import { DataTable, type Column } from '../../components/data-table';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { DeadLetterStatusBadge } from './dead-letter-status-badge';
import type { ServiceDeadLetter } from './dead-letter-types';

interface DeadLettersTableProps {
  rows: ServiceDeadLetter[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: (select: boolean) => void;
  onReplay: (row: ServiceDeadLetter) => void;
  busy: boolean;
}

/** What failed where and why, how often it was tried, and where it stands now. */
const letterColumns: Column<ServiceDeadLetter>[] = [
  {
    header: 'Failed',
    className: 'nowrap small',
    cell: (row) => <LocalTime iso={row.failedAt} style="precise" />,
  },
  { header: 'Service', cell: (row) => <span className="badge badge-info">{row.service}</span> },
  {
    header: 'Topic and event',
    cell: (row) => (
      <>
        <code>{row.originalTopic}</code>
        {row.eventType && row.eventType !== row.originalTopic ? (
          <div className="small muted">{row.eventType}</div>
        ) : null}
      </>
    ),
  },
  {
    header: 'Key',
    className: 'mono small',
    cell: (row) => (
      <span title={row.messageKey ?? undefined}>
        {row.messageKey ? shortId(row.messageKey) : '—'}
      </span>
    ),
  },
  {
    header: 'Error',
    cell: (row) => (
      <>
        <div className="small cell-clip" title={row.errorMessage}>
          {row.errorMessage}
        </div>
        <div className="small muted">{row.errorClass}</div>
      </>
    ),
  },
  { header: 'Attempts', numeric: true, cell: (row) => row.attempts },
  {
    header: 'Status',
    cell: (row) => (
      <>
        <DeadLetterStatusBadge status={row.status} />
        {row.replayCount ? <div className="small muted">replayed {row.replayCount}×</div> : null}
      </>
    ),
  },
];

function RowActions({
  row,
  busy,
  onReplay,
}: {
  row: ServiceDeadLetter;
  busy: boolean;
  onReplay: (row: ServiceDeadLetter) => void;
}) {
  return (
    <div className="row">
      <Link
        href={`/admin/dead-letters/${row.service}/${row.id}`}
        className="button button-secondary button-small"
        aria-label={`Details of dead letter ${shortId(row.id)}`}
      >
        Details
      </Link>
      {row.status !== 'DISCARDED' ? (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onReplay(row)}
          disabled={busy}
          aria-label={`Replay dead letter ${shortId(row.id)}`}
        >
          Replay
        </button>
      ) : null}
    </div>
  );
}

/** The letters with a box each to select them (and one for all shown), and each one's details and replay. */
export function DeadLettersTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
  onReplay,
  busy,
}: DeadLettersTableProps) {
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.key));
  const selectColumn: Column<ServiceDeadLetter> = {
    header: (
      <input
        type="checkbox"
        aria-label="Select every dead letter shown"
        checked={allSelected}
        onChange={(event) => onToggleAll(event.target.checked)}
      />
    ),
    cell: (row) => (
      <input
        type="checkbox"
        aria-label={`Select dead letter ${shortId(row.id)} of ${row.service}`}
        checked={selected.has(row.key)}
        onChange={() => onToggle(row.key)}
      />
    ),
  };
  const actionsColumn: Column<ServiceDeadLetter> = {
    header: <span className="visually-hidden">Actions</span>,
    cell: (row) => <RowActions row={row} busy={busy} onReplay={onReplay} />,
  };
  return (
    <DataTable
      columns={[selectColumn, ...letterColumns, actionsColumn]}
      rows={rows}
      rowKey={(row) => row.key}
      rowAttributes={(row) => ({
        className: selected.has(row.key) ? 'selected-row' : undefined,
        'data-testid': 'dead-letter-row',
        'data-service': row.service,
        'data-id': row.id,
        'data-key': row.messageKey ?? '',
      })}
    />
  );
}
