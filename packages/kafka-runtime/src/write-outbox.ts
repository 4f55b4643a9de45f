import { withTraceHeaders } from '@food/service-kit';
import type { OutgoingEvent } from './outgoing-event.js';
import type { SqlClient } from './sql-client.js';

/** The channel a commit notifies so the relay wakes at once; NOTIFY is delivered only if the transaction commits. */
export const outboxChannel = 'outbox_event';

/** Writes events to the outbox inside the caller's transaction; they are published only if it commits. */
export async function writeToOutbox(tx: SqlClient, events: readonly OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const event of events) {
    await tx.$executeRawUnsafe(
      'INSERT INTO outbox_event (event_id, topic, message_key, value, headers) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)',
      event.eventId,
      event.topic,
      typeof event.key === 'string' ? Buffer.from(event.key, 'utf8') : event.key,
      event.value,
      // The active trace (the request or the consumed event that caused this one) travels with the event.
      JSON.stringify(withTraceHeaders(event.headers)),
    );
  }
  await tx.$executeRawUnsafe(`SELECT pg_notify('${outboxChannel}', '')`);
}
