'use client';
import Link from 'next/link';
import { DataTable, type Column } from '../../components/data-table';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterDetails } from './dead-letter-types';

const actionLabels: Record<string, string> = {
  REPLAY: 'Replay',
  DISCARD: 'Discard',
  RESOLVE: 'Resolved',
};

type HistoryEntry = DeadLetterDetails['history'][number];

const historyColumns: Column<HistoryEntry>[] = [
  {
    header: 'When',
    className: 'nowrap small',
    cell: (entry) => <LocalTime iso={entry.requestedAt} style="precise" />,
  },
  {
    header: 'Action',
    cell: (entry) => (
      <span className={entry.action === 'REPLAY' ? 'badge badge-info' : 'badge badge-neutral'}>
        {actionLabels[entry.action] ?? entry.action}
      </span>
    ),
  },
  { header: 'By', cell: (entry) => entry.requestedBy },
  {
    header: 'Outcome',
    cell: (entry) => (entry.outcome === 'QUEUED' ? 'Queued for publishing' : entry.outcome),
  },
  { header: 'Detail', className: 'small', cell: (entry) => entry.detail ?? '—' },
];

/**
 * Who replayed or discarded this letter, when, and what became of it: a replay that failed again produced a new
 * dead letter (failedAgainAs); one that did not shows no later failure.
 */
export function ReplayHistory({
  letter,
  service,
}: {
  letter: DeadLetterDetails;
  service: DeadLetterService;
}) {
  if (!letter.history.length)
    return (
      <p className="muted">Nobody has replayed, resolved or discarded this dead letter yet.</p>
    );
  const replayed = letter.history.some((entry) => entry.action === 'REPLAY');
  return (
    <>
      <DataTable
        columns={historyColumns}
        rows={letter.history}
        rowKey={(entry, index) => `${entry.requestedAt}-${index}`}
        rowAttributes={(entry) => ({
          'data-testid': 'replay-history-entry',
          'data-action': entry.action,
        })}
        testId="replay-history"
      />
      {replayed ? (
        letter.failedAgainAs.length ? (
          <div className="notice notice-warning facts-spaced" data-testid="failed-again">
            <span className="notice-title">The replay failed again</span>
            <ul>
              {letter.failedAgainAs.map((failure) => (
                <li key={failure.id}>
                  <Link href={`/admin/dead-letters/${service}/${failure.id}`}>
                    Dead letter {shortId(failure.id)}
                  </Link>
                  , <LocalTime iso={failure.failedAt} />: {failure.errorMessage}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="notice notice-success facts-spaced" data-testid="replay-no-failure">
            No failure recorded since the replay. Should the message fail again, its new dead letter
            is linked here.
          </p>
        )
      ) : null}
    </>
  );
}
