import type { DeadLetterErrorClass, EventEnvelope } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { OutgoingEvent } from './outgoing-event.js';
import type { SqlClient, TransactionalDatabase } from './sql-client.js';
import { writeToOutbox } from './write-outbox.js';

export interface HandlerContext {
  attempt: number;
  topic: string;
  partition: number;
  offset: string;
  logger: Logger;
  /**
   * Refuses the event for a reason a retry cannot change (it contradicts this service's own state): what the
   * handler wrote still commits (a flag for an operator, say), and the event becomes a dead letter of this class.
   */
  reject(errorClass: DeadLetterErrorClass, reason: string): void;
}

/** What an event means for a service: apply it in `tx`, and return the events it caused (written to the outbox). */
export type EventHandler<TEvent, Tx> = (
  event: TEvent,
  tx: Tx,
  context: HandlerContext,
) => Promise<readonly OutgoingEvent[] | void>;

export type Rejection = { errorClass: DeadLetterErrorClass; reason: string };
export type ApplyOutcome =
  { outcome: 'processed' | 'duplicate' } | { outcome: 'rejected'; rejection: Rejection };

/**
 * The idempotent step: in one transaction, records the event id for the group (a second delivery stops here),
 * runs the handler, writes the events it caused to the outbox, and lets `onRejected` write a rejection's dead letter.
 */
export function applyEvent<Tx extends SqlClient>(options: {
  database: TransactionalDatabase<Tx>;
  consumerGroup: string;
  topic: string;
  event: EventEnvelope;
  handler: EventHandler<EventEnvelope, Tx>;
  context: Omit<HandlerContext, 'reject'>;
  onRejected: (tx: Tx, rejection: Rejection) => Promise<void>;
  timeoutMs: number;
}): Promise<ApplyOutcome> {
  const { event, context } = options;
  return options.database.$transaction(
    async (tx): Promise<ApplyOutcome> => {
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO processed_event (consumer_group, event_id, topic, attempts) VALUES ($1, $2::uuid, $3, $4)
         ON CONFLICT DO NOTHING`,
        options.consumerGroup,
        event.eventId,
        options.topic,
        context.attempt,
      );
      if (inserted === 0) return { outcome: 'duplicate' };
      let rejection: Rejection | undefined;
      const caused = await options.handler(event, tx, {
        ...context,
        reject: (errorClass, reason) => {
          rejection = { errorClass, reason };
        },
      });
      if (caused && caused.length > 0) await writeToOutbox(tx, caused);
      if (!rejection) return { outcome: 'processed' };
      await options.onRejected(tx, rejection);
      return { outcome: 'rejected', rejection };
    },
    { timeout: options.timeoutMs, maxWait: 5_000 },
  );
}
