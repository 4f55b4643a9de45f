import { storableText } from '@food/service-kit';
import type { IHeaders } from 'kafkajs';
import type { SqlClient } from './sql-client.js';

/** One row of `dead_letter`: what an admin lists, inspects and replays. */
export interface DeadLetterRow {
  id: string;
  dlqTopic: string;
  /** -1 while the row was stored by the consumer itself (an oversized record) and its DLQ copy is not read yet. */
  dlqPartition: number;
  dlqOffset: string;
  /** Without the stack's namespace. */
  originalTopic: string;
  originalPartition: number | null;
  originalOffset: string | null;
  key: Buffer | null;
  consumerGroup: string | null;
  eventId: string | null;
  eventType: string | null;
  value: Buffer;
  headers: Record<string, string>;
  errorMessage: string;
  errorClass: string;
  attempts: number;
  failedAt: string;
  replayOf: string | null;
}

/** Header values as storable text: a dead letter is kept whatever bytes it carries (the value itself is bytea). */
export function headersAsText(headers: IHeaders | null | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const given: unknown = headers?.[name];
    const first = Array.isArray(given) ? (given as unknown[])[0] : given;
    const value = Buffer.isBuffer(first) || typeof first === 'string' ? first.toString() : '';
    text[storableText(name)] = storableText(value);
  }
  return text;
}

/** The event id and type a value names, when it is JSON that names them (for search; nothing is trusted). */
export function envelopeIdentity(value: Buffer | null): {
  eventId: string | null;
  eventType: string | null;
} {
  if (!value || value.length === 0 || value[0] !== 0x7b) return { eventId: null, eventType: null };
  try {
    const parsed = JSON.parse(value.toString('utf8')) as { eventId?: unknown; type?: unknown };
    return {
      eventId:
        typeof parsed.eventId === 'string' ? storableText(parsed.eventId.slice(0, 100)) : null,
      eventType: typeof parsed.type === 'string' ? storableText(parsed.type.slice(0, 200)) : null,
    };
  } catch {
    return { eventId: null, eventType: null };
  }
}

/**
 * Stores a dead letter once (by id). A row the consumer stored itself (an oversized record, dlq_offset -1) gets
 * its DLQ position when the truncated copy is read; nothing else of a stored row changes. True when inserted.
 */
export async function insertDeadLetter(database: SqlClient, row: DeadLetterRow): Promise<boolean> {
  const inserted = await database.$executeRawUnsafe(
    `INSERT INTO dead_letter (id, dlq_topic, dlq_partition, dlq_offset, original_topic, original_partition,
       original_offset, message_key, key_bytes, consumer_group, event_id, event_type, value, headers, error_message,
       error_class, attempts, failed_at, replay_of)
     VALUES ($1::uuid, $2, $3, $4::bigint, $5, $6::int, $7::bigint, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16,
       $17, $18::timestamptz, $19::uuid)
     ON CONFLICT (id) DO UPDATE SET dlq_topic = EXCLUDED.dlq_topic, dlq_partition = EXCLUDED.dlq_partition,
       dlq_offset = EXCLUDED.dlq_offset
     WHERE dead_letter.dlq_offset < 0 AND EXCLUDED.dlq_offset >= 0`,
    row.id,
    row.dlqTopic,
    row.dlqPartition,
    row.dlqOffset,
    row.originalTopic,
    row.originalPartition,
    row.originalOffset,
    row.key ? storableText(row.key.toString('utf8')) : null,
    row.key,
    row.consumerGroup,
    row.eventId,
    row.eventType,
    row.value,
    JSON.stringify(row.headers),
    row.errorMessage,
    row.errorClass,
    row.attempts,
    row.failedAt,
    row.replayOf,
  );
  return inserted > 0;
}
