import { deadLetterWhere, type DeadLetterFilter } from './dead-letter-filter.js';
import type { SqlClient } from './sql-client.js';

/** One kind of failure: the dead letters of one original topic, error class and error pattern (ids, numbers normalised). */
export interface DeadLetterGroup {
  fingerprint: string;
  originalTopic: string;
  errorClass: string;
  errorPattern: string;
  count: number;
  byStatus: { PENDING: number; REPLAYED: number; DISCARDED: number; RESOLVED: number };
  firstFailedAt: string;
  lastFailedAt: string;
  /** The newest dead letter of the group, as an example. */
  sample: { id: string; errorMessage: string; messageKey: string | null };
}

interface DeadLetterGroupRow {
  fingerprint: string;
  original_topic: string;
  error_class: string;
  error_pattern: string;
  count: number;
  pending: number;
  replayed: number;
  discarded: number;
  resolved: number;
  first_failed_at: Date;
  last_failed_at: Date;
  sample_id: string;
  sample_error_message: string;
  sample_message_key: string | null;
}

/** The groups of the dead letters a filter matches, the most recently failing first, with their totals. */
export async function listDeadLetterGroups(
  database: SqlClient,
  filter: DeadLetterFilter,
  limit: number,
): Promise<{ groups: DeadLetterGroup[]; totalGroups: number; totalDeadLetters: number }> {
  const where = deadLetterWhere(filter, 'd');
  // The same filter over the sample's alias: the same values in the same order, so the placeholders match.
  const sampleWhere = deadLetterWhere(filter, 's');
  const rows = await database.$queryRawUnsafe<Array<DeadLetterGroupRow & { total_groups: number; total_dead_letters: number }>>(
    `WITH grouped AS (
       SELECT d.fingerprint, min(d.original_topic) AS original_topic, min(d.error_class) AS error_class,
         min(d.error_pattern) AS error_pattern, count(*)::int AS count,
         (count(*) FILTER (WHERE d.status = 'PENDING'))::int AS pending,
         (count(*) FILTER (WHERE d.status = 'REPLAYED'))::int AS replayed,
         (count(*) FILTER (WHERE d.status = 'DISCARDED'))::int AS discarded,
         (count(*) FILTER (WHERE d.status = 'RESOLVED'))::int AS resolved,
         min(d.failed_at) AS first_failed_at, max(d.failed_at) AS last_failed_at
       FROM dead_letter d WHERE ${where.sql} GROUP BY d.fingerprint
     )
     SELECT g.*, sample.id AS sample_id, sample.error_message AS sample_error_message,
       sample.message_key AS sample_message_key,
       count(*) OVER ()::int AS total_groups, (sum(g.count) OVER ())::int AS total_dead_letters
     FROM grouped g
     CROSS JOIN LATERAL (
       SELECT s.id::text, s.error_message, s.message_key FROM dead_letter s
       WHERE s.fingerprint = g.fingerprint AND ${sampleWhere.sql} ORDER BY s.failed_at DESC, s.id DESC LIMIT 1
     ) sample
     ORDER BY g.last_failed_at DESC, g.fingerprint LIMIT ${Number(limit)}`,
    ...where.values,
  );
  return {
    groups: rows.map((row) => ({
      fingerprint: row.fingerprint,
      originalTopic: row.original_topic,
      errorClass: row.error_class,
      errorPattern: row.error_pattern,
      count: row.count,
      byStatus: { PENDING: row.pending, REPLAYED: row.replayed, DISCARDED: row.discarded, RESOLVED: row.resolved },
      firstFailedAt: row.first_failed_at.toISOString(),
      lastFailedAt: row.last_failed_at.toISOString(),
      sample: { id: row.sample_id, errorMessage: row.sample_error_message, messageKey: row.sample_message_key },
    })),
    totalGroups: rows[0]?.total_groups ?? 0,
    totalDeadLetters: rows[0]?.total_dead_letters ?? 0,
  };
}
