import { deadLetterStatuses } from '@food/contracts';
import { deadLetterWhere, type DeadLetterFilter } from './dead-letter-filter.js';
import type { SqlClient } from './sql-client.js';

export interface DeadLetterListRow {
  id: string;
  original_topic: string;
  original_partition: number | null;
  original_offset: string | null;
  message_key: string | null;
  consumer_group: string | null;
  event_id: string | null;
  event_type: string | null;
  error_message: string;
  error_class: string;
  attempts: number;
  failed_at: Date;
  status: string;
  replay_of: string | null;
  replay_count: number;
  fingerprint: string;
}

export interface DeadLetterDetailRow extends DeadLetterListRow {
  value: Uint8Array;
  headers: Record<string, string>;
}

export const listColumns = `d.id::text, d.original_topic, d.original_partition, d.original_offset::text, d.message_key,
  d.consumer_group, d.event_id, d.event_type, d.error_message, d.error_class, d.attempts, d.failed_at, d.status,
  d.replay_of::text, (SELECT count(*)::int FROM dead_letter_replay r WHERE r.dead_letter_id = d.id AND r.action = 'REPLAY') AS replay_count,
  d.fingerprint`;

export function toListItem(row: DeadLetterListRow) {
  return {
    id: row.id,
    originalTopic: row.original_topic,
    originalPartition: row.original_partition,
    originalOffset: row.original_offset,
    messageKey: row.message_key,
    consumerGroup: row.consumer_group,
    eventId: row.event_id,
    eventType: row.event_type,
    errorMessage: row.error_message,
    errorClass: row.error_class,
    attempts: row.attempts,
    failedAt: row.failed_at.toISOString(),
    status: row.status,
    replayOf: row.replay_of,
    replayCount: row.replay_count,
    fingerprint: row.fingerprint,
  };
}

/** One page of the dead letters a filter matches, newest first (keyset cursor), with the total across all pages. */
export async function listDeadLetters(
  database: SqlClient,
  filter: DeadLetterFilter,
  page: { limit: number; cursor?: { failedAt: Date; id: string } | undefined },
) {
  const where = deadLetterWhere(filter, 'd');
  const values = [...where.values];
  let cursorSql = '';
  if (page.cursor) {
    values.push(page.cursor.failedAt.toISOString(), page.cursor.id);
    cursorSql = ` AND (d.failed_at, d.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`;
  }
  const [rows, counted] = await Promise.all([
    database.$queryRawUnsafe<DeadLetterListRow[]>(
      `SELECT ${listColumns} FROM dead_letter d WHERE ${where.sql}${cursorSql}
       ORDER BY d.failed_at DESC, d.id DESC LIMIT ${Number(page.limit) + 1}`,
      ...values,
    ),
    database.$queryRawUnsafe<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM dead_letter d WHERE ${where.sql}`,
      ...where.values,
    ),
  ]);
  const items = rows.slice(0, page.limit).map(toListItem);
  const last = items.at(-1);
  return {
    /** Every dead letter the filter matches, across all pages. */
    total: counted[0]?.total ?? 0,
    items,
    nextCursor: rows.length > page.limit && last ? { failedAt: last.failedAt, id: last.id } : null,
  };
}

/** How many dead letters a filter matches, in total and per status (every status listed, zero when none). */
export async function countDeadLetters(database: SqlClient, filter: DeadLetterFilter) {
  const where = deadLetterWhere(filter);
  const rows = await database.$queryRawUnsafe<Array<{ status: string; count: number }>>(
    `SELECT status, count(*)::int AS count FROM dead_letter WHERE ${where.sql} GROUP BY status`,
    ...where.values,
  );
  const byStatus = Object.fromEntries(deadLetterStatuses.map((status) => [status, 0])) as Record<string, number>;
  for (const row of rows) byStatus[row.status] = row.count;
  return { total: rows.reduce((sum, row) => sum + row.count, 0), byStatus };
}
