import type { DeadLetterErrorClass, EventEnvelope } from '@food/contracts';
import { withLogContext, withTraceHeaders, type Logger } from '@food/service-kit';
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

/** One decoded event to apply, with the handler for its topic. */
export interface EventToApply<Tx> {
  topic: string;
  event: EventEnvelope;
  handler: EventHandler<EventEnvelope, Tx>;
  context: Omit<HandlerContext, 'reject'>;
  /** Runs the handler inside the event's own trace span (a no-op when tracing is off). */
  traced: <T>(work: () => Promise<T>) => Promise<T>;
}

/** A handler threw: which event of the batch it was, so that only that event counts the failed attempt. */
export class HandlerFailed extends Error {
  override readonly name = 'HandlerFailed';
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`${(cause as Error)?.name ?? 'Error'}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

// One statement records every event id of the batch for the group; the ids it returns are the first deliveries.
const recordEventIds = `
  INSERT INTO processed_event (consumer_group, event_id, topic, attempts)
  SELECT $1, row.event_id, row.topic, row.attempts
  FROM unnest($2::uuid[], $3::text[], $4::int[]) AS row(event_id, topic, attempts)
  ON CONFLICT DO NOTHING
  RETURNING event_id::text AS "eventId"`;

/**
 * The idempotent step, for one event or a partition's batch: in one transaction, records the event ids for the
 * group (a second delivery stops there), runs each new event's handler in offset order, writes the events they
 * caused to the outbox in one statement, and lets `onRejected` write each rejection's dead letter. Any throw
 * rolls the whole batch back; a handler's throw comes as HandlerFailed, naming the event.
 */
export function applyEvents<Tx extends SqlClient>(options: {
  database: TransactionalDatabase<Tx>;
  consumerGroup: string;
  items: readonly EventToApply<Tx>[];
  onRejected: (tx: Tx, index: number, rejection: Rejection) => Promise<void>;
  timeoutMs: number;
}): Promise<ApplyOutcome[]> {
  const { items } = options;
  return options.database.$transaction(
    async (tx): Promise<ApplyOutcome[]> => {
      const inserted = await tx.$queryRawUnsafe<Array<{ eventId: string }>>(
        recordEventIds,
        options.consumerGroup,
        items.map((item) => item.event.eventId),
        items.map((item) => item.topic),
        items.map((item) => item.context.attempt),
      );
      const firstDeliveries = new Set(inserted.map((row) => row.eventId));
      const outcomes: ApplyOutcome[] = [];
      const caused: OutgoingEvent[] = [];
      for (const [index, item] of items.entries()) {
        // A batch may hold one event twice: the first is applied, the second is a duplicate of it.
        if (!firstDeliveries.delete(item.event.eventId)) {
          outcomes.push({ outcome: 'duplicate' });
          continue;
        }
        let rejection: Rejection | undefined;
        const context: HandlerContext = {
          ...item.context,
          reject: (errorClass, reason) => {
            rejection = { errorClass, reason };
          },
        };
        const { topic, partition, offset } = item.context;
        const fields = {
          topic,
          partition,
          offset,
          eventId: item.event.eventId,
          correlationId: item.event.correlationId,
        };
        await withLogContext(fields, () =>
          item.traced(async () => {
            const events =
              (await item.handler(item.event, tx, context).catch((error: unknown) => {
                throw new HandlerFailed(index, error);
              })) ?? [];
            // Stamped here, inside the event's span, so each caused event continues its own trace.
            for (const event of events)
              caused.push({ ...event, headers: withTraceHeaders(event.headers) });
          }),
        );
        if (rejection) {
          await options.onRejected(tx, index, rejection);
          outcomes.push({ outcome: 'rejected', rejection });
        } else {
          outcomes.push({ outcome: 'processed' });
        }
      }
      await writeToOutbox(tx, caused);
      return outcomes;
    },
    { timeout: options.timeoutMs, maxWait: 5_000 },
  );
}
