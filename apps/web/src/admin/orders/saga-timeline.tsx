'use client';
import { JsonBlock } from '../../components/json-block';
import { LocalTime } from '../../components/local-time';
import { orderStatusLabels, type OrderStatus } from '../../orders/order-status-badge';
import type { RouterOutputs } from '../../trpc/router-types';

type SagaEvent = RouterOutputs['order']['adminTimeline']['events'][number];

const isOrderStatus = (value: string | null): value is OrderStatus =>
  value !== null && value in orderStatusLabels;

/** Every event of the order's saga that the order service sent or received, in order, with its payload. */
export function SagaTimeline({ events }: { events: SagaEvent[] }) {
  return (
    <ol className="timeline" data-testid="saga-timeline">
      {events.map((event, index) => (
        <li key={`${event.eventId}-${index}`} data-testid="saga-event" data-type={event.type}>
          <div className="timeline-head">
            <span className="muted small nowrap">
              <LocalTime iso={event.occurredAt} style="precise" />
            </span>
            <span className="badge badge-info" title="Service that produced the event">
              {event.source}
            </span>
            <code>{event.type}</code>
            {isOrderStatus(event.status) ? (
              <span className="badge badge-neutral">→ {orderStatusLabels[event.status]}</span>
            ) : null}
          </div>
          {event.note ? <p className="small">{event.note}</p> : null}
          <details>
            <summary className="small">Payload</summary>
            <JsonBlock value={event.payload} label={`Payload of ${event.type}`} />
            <p className="small muted">
              Event id <span className="mono">{event.eventId}</span> · recorded{' '}
              <LocalTime iso={event.recordedAt} style="precise" />
            </p>
          </details>
        </li>
      ))}
    </ol>
  );
}
