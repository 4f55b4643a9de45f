import { withTraceHeaders } from '@food/service-kit';
import type { OutgoingEvent } from './outgoing-event.js';
import type { SqlClient } from './sql-client.js';

/** The channel a commit notifies so the relay wakes at once; NOTIFY is delivered only if the transaction commits. */
export const outboxChannel = 'outbox_event';

// One statement for any number of events, with the relay's wake-up in it: a round trip per batch, not three per
// event. Keys and values are bytes (a dead letter keeps the original's), so they travel as base64 text.
const insertOutboxRows = `
  WITH written AS (
    INSERT INTO outbox_event (event_id, topic, message_key, value, headers)
    SELECT row.event_id, row.topic, decode(row.message_key, 'base64'), decode(row.value, 'base64'), row.headers::jsonb
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
      WITH ORDINALITY AS row(event_id, topic, message_key, value, headers, position)
    ORDER BY row.position
    RETURNING 1
  )
  SELECT pg_notify('${outboxChannel}', '') FROM (SELECT count(*) AS rows FROM written) AS done WHERE done.rows > 0`;

const asBytes = (key: string | Buffer) =>
  typeof key === 'string' ? Buffer.from(key, 'utf8') : key;

/**
 * Writes events to the outbox inside the caller's transaction, in the given order (the relay publishes in id
 * order); they are published only if it commits.
 */
export async function writeToOutbox(
  tx: SqlClient,
  events: readonly OutgoingEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRawUnsafe(
    insertOutboxRows,
    events.map((event) => event.eventId),
    events.map((event) => event.topic),
    events.map((event) => (event.key === null ? null : asBytes(event.key).toString('base64'))),
    events.map((event) => event.value.toString('base64')),
    // The active trace (the request or the consumed event that caused this one) travels with the event.
    events.map((event) => JSON.stringify(withTraceHeaders(event.headers))),
  );
}
