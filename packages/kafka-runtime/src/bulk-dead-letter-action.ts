import { randomUUID } from 'node:crypto';
import type { Logger } from '@food/service-kit';
import {
  deadLetterFilterSchema,
  deadLetterWhere,
  type DeadLetterFilter,
} from './dead-letter-filter.js';
import {
  discardMatchingDeadLetters,
  replayMatchingDeadLetters,
  type ReplayRoute,
} from './dead-letter-replay.js';
import type { TransactionalDatabase } from './sql-client.js';

export type BulkActionKind = 'REPLAY' | 'DISCARD';

export interface BulkActionRequest {
  action: BulkActionKind;
  filter: DeadLetterFilter;
  perSecond: number;
  /** Why (a discard needs one). */
  reason?: string | undefined;
  requestedBy: string;
}

/** A bulk action as an operator follows it: how far it got, what was refused and why, and how it ended. */
export interface BulkAction {
  id: string;
  action: BulkActionKind;
  fingerprint: string | null;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  skipped: number;
  skippedReasons: string[];
  error: string | null;
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
}

interface BulkActionRow {
  id: string;
  action: BulkActionKind;
  filter: unknown;
  per_second: number;
  reason: string | null;
  requested_by: string;
  status: BulkAction['status'];
  total: number;
  done: number;
  skipped: number;
  skipped_reasons: string[];
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** Each step handles about this many seconds of replays, so progress moves while a large group is replayed. */
const secondsPerStep = 2;
const discardsPerStep = 500;
/** A running job's heartbeat is renewed every step; one silent for this long lost its process and is taken over. */
export const bulkActionStaleAfterSeconds = 30;

const columns = `id::text, action, filter, per_second, reason, requested_by, status, total, done, skipped, skipped_reasons,
  error, created_at, finished_at`;

function toBulkAction(row: BulkActionRow): BulkAction {
  const filter = deadLetterFilterSchema.safeParse(row.filter);
  return {
    id: row.id,
    action: row.action,
    fingerprint: filter.success ? (filter.data.fingerprint ?? null) : null,
    status: row.status,
    total: row.total,
    done: row.done,
    skipped: row.skipped,
    skippedReasons: row.skipped_reasons,
    error: row.error,
    requestedBy: row.requested_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** One step: replays (paced) or discards the next pending letters the filter matches; says whether more remain. */
async function step(database: TransactionalDatabase, route: ReplayRoute, job: BulkActionRow) {
  const filter = deadLetterFilterSchema.parse(job.filter);
  if (job.action === 'DISCARD') {
    const result = await discardMatchingDeadLetters(database, filter, {
      requestedBy: job.requested_by,
      reason: job.reason ?? 'discarded in bulk',
      limit: discardsPerStep,
    });
    return {
      moved: result.discarded.length,
      skipped: [],
      more: result.matched === discardsPerStep,
    };
  }
  const limit = job.per_second * secondsPerStep;
  const result = await replayMatchingDeadLetters(database, filter, route, {
    requestedBy: job.requested_by,
    limit,
    maxPerSecond: job.per_second,
  });
  return { moved: result.replayed.length, skipped: result.skipped, more: result.matched === limit };
}

/**
 * Works a job to its end, step by step, writing progress and a heartbeat after each. Refused letters stay pending
 * and are counted once; the job ends when a step moves none or nothing more matches. `isStopping` ends the work
 * between steps (shutdown): the heartbeat then goes stale and another instance takes the job over.
 */
export async function runBulkAction(
  database: TransactionalDatabase,
  route: ReplayRoute,
  id: string,
  options: { logger: Logger; isStopping: () => boolean },
): Promise<void> {
  const refused = new Map<string, string>();
  try {
    for (;;) {
      if (options.isStopping()) return;
      const [job] = await database.$queryRawUnsafe<BulkActionRow[]>(
        `SELECT ${columns} FROM dead_letter_bulk_action WHERE id = $1::uuid AND status = 'RUNNING'`,
        id,
      );
      if (!job) return;
      const { moved, skipped, more } = await step(database, route, job);
      for (const entry of skipped) refused.set(entry.id, entry.reason);
      const finished = moved === 0 || !more;
      await database.$executeRawUnsafe(
        `UPDATE dead_letter_bulk_action SET done = done + $2, skipped = $3, skipped_reasons = $4::text[],
           heartbeat_at = now(), status = CASE WHEN $5 THEN 'DONE' ELSE status END,
           finished_at = CASE WHEN $5 THEN now() END
         WHERE id = $1::uuid`,
        id,
        moved,
        refused.size,
        [...new Set(refused.values())],
        finished,
      );
      if (finished) return;
    }
  } catch (error) {
    options.logger.error('bulk dead-letter action failed', { bulkActionId: id, error });
    await database
      .$executeRawUnsafe(
        `UPDATE dead_letter_bulk_action SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1::uuid`,
        id,
        (error as Error).message.slice(0, 500),
      )
      .catch(() => undefined);
  }
}

/** Records a bulk action with the number of pending letters it matches now; the caller starts the work. */
export async function createBulkAction(
  database: TransactionalDatabase,
  request: BulkActionRequest,
): Promise<string> {
  const where = deadLetterWhere({ ...request.filter, status: 'PENDING' });
  const [count] = await database.$queryRawUnsafe<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM dead_letter WHERE ${where.sql}`,
    ...where.values,
  );
  const id = randomUUID();
  await database.$executeRawUnsafe(
    `INSERT INTO dead_letter_bulk_action (id, action, filter, per_second, reason, requested_by, total)
     VALUES ($1::uuid, $2, $3::jsonb, $4, $5, $6, $7)`,
    id,
    request.action,
    JSON.stringify({ ...request.filter, status: 'PENDING' }),
    request.perSecond,
    request.reason ?? null,
    request.requestedBy,
    count?.total ?? 0,
  );
  return id;
}

/** The jobs running now and those that ended in the last ten minutes (or the ones asked for), newest first. */
export async function listBulkActions(
  database: TransactionalDatabase,
  ids?: readonly string[],
): Promise<BulkAction[]> {
  const rows = ids?.length
    ? await database.$queryRawUnsafe<BulkActionRow[]>(
        `SELECT ${columns} FROM dead_letter_bulk_action WHERE id = ANY($1::uuid[]) ORDER BY created_at DESC`,
        [...ids],
      )
    : await database.$queryRawUnsafe<BulkActionRow[]>(
        `SELECT ${columns} FROM dead_letter_bulk_action
         WHERE status = 'RUNNING' OR finished_at > now() - interval '10 minutes' ORDER BY created_at DESC LIMIT 20`,
      );
  return rows.map(toBulkAction);
}

/**
 * Claims one running job whose heartbeat stopped (its process died or was stopped), so that it goes on here; two
 * instances never claim the same one (the claim renews the heartbeat under a row lock, skipping locked rows).
 */
export async function claimStaleBulkAction(
  database: TransactionalDatabase,
): Promise<string | null> {
  const rows = await database.$queryRawUnsafe<Array<{ id: string }>>(
    `UPDATE dead_letter_bulk_action SET heartbeat_at = now()
     WHERE id = (SELECT id FROM dead_letter_bulk_action
                 WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $1)
                 ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id::text`,
    bulkActionStaleAfterSeconds,
  );
  return rows[0]?.id ?? null;
}
