'use client';
import Link from 'next/link';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterDetails } from './dead-letter-types';

const actionLabels: Record<string, string> = {
  REPLAY: 'Replay',
  DISCARD: 'Discard',
  RESOLVE: 'Resolved',
};

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
      <div className="table-wrap">
        <table className="table" data-testid="replay-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">By</th>
              <th scope="col">Outcome</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {letter.history.map((entry, index) => (
              <tr
                key={`${entry.requestedAt}-${index}`}
                data-testid="replay-history-entry"
                data-action={entry.action}
              >
                <td className="nowrap small">
                  <LocalTime iso={entry.requestedAt} style="precise" />
                </td>
                <td>
                  <span
                    className={
                      entry.action === 'REPLAY' ? 'badge badge-info' : 'badge badge-neutral'
                    }
                  >
                    {actionLabels[entry.action] ?? entry.action}
                  </span>
                </td>
                <td>{entry.requestedBy}</td>
                <td>{entry.outcome === 'QUEUED' ? 'Queued for publishing' : entry.outcome}</td>
                <td className="small">{entry.detail ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
