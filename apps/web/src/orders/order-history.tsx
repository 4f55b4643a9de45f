'use client';
import { LocalTime } from '../components/local-time';
import type { RouterOutputs } from '../trpc/router-types';
import { orderStatusLabels } from './order-status-badge';

type HistoryEntry = RouterOutputs['order']['get']['history'][number];

/** The order's status changes, oldest first, each with its time and what caused it. */
export function OrderHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <ol className="timeline" data-testid="order-history">
      {history.map((entry, index) => (
        <li
          key={`${entry.at}-${index}`}
          data-testid="order-history-entry"
          data-status={entry.status}
        >
          <div className="timeline-head">
            <strong>{orderStatusLabels[entry.status]}</strong>
            <span className="muted small">
              <LocalTime iso={entry.at} style="precise" />
            </span>
          </div>
          {entry.note ? <p className="small muted">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
