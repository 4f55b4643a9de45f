'use client';
import Link from 'next/link';
import { JsonBlock } from '../../components/json-block';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { orderStatusLabels, type OrderStatus } from '../../orders/order-status-badge';
import type { DeadLetterService } from '../dead-letters/dead-letter-services';
import type {
  DeadLetterAction,
  KeyDeadLetter,
  SagaEvent,
  SagaTimelineEntry,
} from './saga-timeline-entries';

const isOrderStatus = (value: string | null): value is OrderStatus =>
  value !== null && value in orderStatusLabels;

const replayOutcomeLabels = {
  APPLIED: 'applied',
  FAILED_AGAIN: 'failed again',
  QUEUED: 'queued, no outcome yet',
} as const;

const letterHref = (service: DeadLetterService, id: string) =>
  `/admin/dead-letters/${service}/${id}`;

function EventEntry({ event }: { event: SagaEvent }) {
  return (
    <li data-testid="saga-event" data-type={event.type}>
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
  );
}

function DeadLetterEntry({
  service,
  letter,
}: {
  service: DeadLetterService;
  letter: KeyDeadLetter;
}) {
  return (
    <li data-testid="saga-dead-letter" data-service={service} data-id={letter.id}>
      <div className="timeline-head">
        <span className="muted small nowrap">
          <LocalTime iso={letter.failedAt} style="precise" />
        </span>
        <span className="badge badge-bad">dead letter</span>
        <span className="badge badge-info">{service}</span>
        <code>{letter.eventType ?? letter.originalTopic}</code>
      </div>
      <p className="small">
        {letter.errorMessage} <span className="muted">({letter.errorClass})</span>
      </p>
      <Link
        href={letterHref(service, letter.id)}
        className="small"
        data-testid="saga-dead-letter-link"
      >
        Dead letter {shortId(letter.id)}
        {letter.replayOf ? ` (a replay of ${shortId(letter.replayOf)} that failed again)` : ''}
      </Link>
    </li>
  );
}

function ActionEntry({
  service,
  letter,
  action,
}: {
  service: DeadLetterService;
  letter: KeyDeadLetter;
  action: DeadLetterAction;
}) {
  const replay = action.action === 'REPLAY';
  return (
    <li data-testid="saga-replay" data-action={action.action} data-outcome={action.outcome ?? ''}>
      <div className="timeline-head">
        <span className="muted small nowrap">
          <LocalTime iso={action.requestedAt} style="precise" />
        </span>
        <span className={`badge ${replay ? 'badge-pending' : 'badge-neutral'}`}>
          {replay ? 'replay' : action.action === 'RESOLVE' ? 'resolved' : 'discard'}
        </span>
        <span className="small">by {action.requestedBy}</span>
      </div>
      <p className="small">
        {replay && action.outcome
          ? `Outcome: ${replayOutcomeLabels[action.outcome]}`
          : action.detail}
        {action.failedAgainAs ? (
          <>
            {' — '}
            <Link href={letterHref(service, action.failedAgainAs)}>
              dead letter {shortId(action.failedAgainAs)}
            </Link>
          </>
        ) : null}{' '}
        · <Link href={letterHref(service, letter.id)}>of dead letter {shortId(letter.id)}</Link>
      </p>
    </li>
  );
}

/**
 * Every event of the order's saga that the order service sent or received, with each dead letter of the order and
 * each replay or discard of one, in the order they happened.
 */
export function SagaTimeline({ entries }: { entries: SagaTimelineEntry[] }) {
  return (
    <ol className="timeline" data-testid="saga-timeline">
      {entries.map((entry, index) =>
        entry.kind === 'event' ? (
          <EventEntry key={`event-${entry.event.eventId}-${index}`} event={entry.event} />
        ) : entry.kind === 'dead-letter' ? (
          <DeadLetterEntry
            key={`letter-${entry.letter.id}`}
            service={entry.service}
            letter={entry.letter}
          />
        ) : (
          <ActionEntry
            key={`action-${entry.letter.id}-${entry.action.requestedAt}-${index}`}
            service={entry.service}
            letter={entry.letter}
            action={entry.action}
          />
        ),
      )}
    </ol>
  );
}
