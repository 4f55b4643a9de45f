'use client';
import Link from 'next/link';
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

export function DeadLettersTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
  onReplay,
  busy,
}: DeadLettersTableProps) {
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.key));
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every dead letter shown"
                checked={allSelected}
                onChange={(event) => onToggleAll(event.target.checked)}
              />
            </th>
            <th scope="col">Failed</th>
            <th scope="col">Service</th>
            <th scope="col">Topic and event</th>
            <th scope="col">Key</th>
            <th scope="col">Error</th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={selected.has(row.key) ? 'selected-row' : undefined}
              data-testid="dead-letter-row"
              data-service={row.service}
              data-id={row.id}
              data-key={row.messageKey ?? ''}
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select dead letter ${shortId(row.id)} of ${row.service}`}
                  checked={selected.has(row.key)}
                  onChange={() => onToggle(row.key)}
                />
              </td>
              <td className="nowrap small">
                <LocalTime iso={row.failedAt} style="precise" />
              </td>
              <td>
                <span className="badge badge-info">{row.service}</span>
              </td>
              <td>
                <code>{row.originalTopic}</code>
                {row.eventType && row.eventType !== row.originalTopic ? (
                  <div className="small muted">{row.eventType}</div>
                ) : null}
              </td>
              <td className="mono small" title={row.messageKey ?? undefined}>
                {row.messageKey ? shortId(row.messageKey) : '—'}
              </td>
              <td>
                <div className="small cell-clip" title={row.errorMessage}>
                  {row.errorMessage}
                </div>
                <div className="small muted">{row.errorClass}</div>
              </td>
              <td className="numeric">{row.attempts}</td>
              <td>
                <DeadLetterStatusBadge status={row.status} />
                {row.replayCount ? (
                  <div className="small muted">replayed {row.replayCount}×</div>
                ) : null}
              </td>
              <td>
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
