import { randomUUID } from 'node:crypto';
import { DomainError, headerNames, type DeadLetterStatus } from '@food/contracts';
import type { TransactionalDatabase } from './sql-client.js';
import { deadLetterWhere, type DeadLetterFilter } from './dead-letter-filter.js';
import { writeToOutbox } from './write-outbox.js';

/** Where a service's replays go, and which topics it may send them back to (the ones it consumes). */
export interface ReplayRoute {
  /** The service's `<service>.replay`, before namespacing: only its own consumer group reads it. */
  replayTopic: string;
  consumedTopics: readonly string[];
}

export interface ReplayOptions {
  requestedBy: string;
  /** Replay dead letters already replayed too (an operator's explicit choice); never discarded ones. */
  force?: boolean;
  /** Bulk replays are paced so a large replay does not flood the consumers. */
  maxPerSecond?: number;
  /** A filter replay takes at most this many per call. */
  limit?: number;
}

export interface ReplayResult {
  replayed: string[];
  skipped: Array<{ id: string; reason: string }>;
}

interface DeadLetterRow {
  id: string;
  status: DeadLetterStatus;
  original_topic: string;
  message_key: string | null;
  key_bytes: Uint8Array | null;
  value: Uint8Array;
  headers: Record<string, string>;
}

/**
 * Headers of the replayed message: the original ones, without dead-letter facts or an earlier replay's, a fresh
 * attempt count, a link back, and the topic whose handler it is for.
 */
function replayHeaders(original: Record<string, string>, deadLetterId: string, topic: string): Record<string, string> {
  const replayHeaderNames: string[] = [headerNames.attempt, headerNames.replayOf, headerNames.replayTopic];
  const kept = Object.entries(original).filter(([name]) => !name.startsWith('x-dlq-') && !replayHeaderNames.includes(name));
  return {
    ...Object.fromEntries(kept),
    [headerNames.attempt]: '1',
    [headerNames.replayOf]: deadLetterId,
    [headerNames.replayTopic]: topic,
  };
}

/** The key as it was: its exact bytes, null when it had none (rows stored before the bytes were kept: their text). */
function originalKey(row: DeadLetterRow): Buffer | null {
  if (row.key_bytes) return Buffer.from(row.key_bytes);
  return row.message_key === null ? null : Buffer.from(row.message_key, 'utf8');
}

/** Why a dead letter cannot be replayed now, or null when it can. */
function refusal(row: DeadLetterRow, route: ReplayRoute, force: boolean): string | null {
  if (row.status === 'DISCARDED') return 'discarded dead letters are not replayed';
  if (row.status === 'REPLAYED' && !force) return 'already replayed (replay it again explicitly to send it once more)';
  if (row.status === 'RESOLVED' && !force) return 'resolved without replay (replay it explicitly to send it anyway)';
  if (!route.consumedTopics.includes(row.original_topic)) {
    return `this service does not consume ${row.original_topic.slice(0, 100)}: its dead letter cannot go back there`;
  }
  return null;
}

/**
 * Replays dead letters to the consumer group that failed them, through the outbox to the service's own replay
 * topic (the record names the topic whose handler it is for): in one transaction per dead letter, with the row
 * locked, the message is queued, the dead letter marked REPLAYED and the replay recorded, so concurrent replays of
 * one dead letter publish it once. A dead letter already replayed goes again only when `force` asks; a discarded
 * one never; one whose topic the service does not consume is refused.
 */
export async function replayDeadLetters(
  database: TransactionalDatabase,
  ids: readonly string[],
  route: ReplayRoute,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const result: ReplayResult = { replayed: [], skipped: [] };
  const perSecond = options.maxPerSecond ?? 20;
  let windowStart = Date.now();
  let inWindow = 0;
  for (const id of ids) {
    if (inWindow >= perSecond) {
      const waitMs = windowStart + 1000 - Date.now();
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      windowStart = Date.now();
      inWindow = 0;
    }
    inWindow += 1;
    const outcome = await database.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<DeadLetterRow[]>(
        `SELECT id::text, status, original_topic, message_key, key_bytes, value, headers FROM dead_letter
         WHERE id = $1::uuid FOR UPDATE`,
        id,
      );
      const row = rows[0];
      if (!row) return 'not found';
      const refused = refusal(row, route, options.force === true);
      if (refused) return refused;
      await writeToOutbox(tx, [
        {
          eventId: randomUUID(), // the outbox row's own id; the envelope inside keeps its event id, which consumers dedupe on
          topic: route.replayTopic,
          key: originalKey(row),
          value: Buffer.from(row.value),
          headers: replayHeaders(row.headers, row.id, row.original_topic),
        },
      ]);
      await tx.$executeRawUnsafe(
        `UPDATE dead_letter SET status = 'REPLAYED', updated_at = now() WHERE id = $1::uuid`,
        id,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO dead_letter_replay (dead_letter_id, action, requested_by, outcome, detail)
         VALUES ($1::uuid, 'REPLAY', $2, 'QUEUED', $3)`,
        id,
        options.requestedBy,
        `queued for ${row.original_topic} (via ${route.replayTopic})`,
      );
      return 'replayed';
    });
    if (outcome === 'replayed') result.replayed.push(id);
    else result.skipped.push({ id, reason: outcome });
  }
  return result;
}

/** Replays every dead letter that matches the filter (oldest first, at most `limit`), paced like a selection. */
export async function replayMatchingDeadLetters(
  database: TransactionalDatabase,
  filter: DeadLetterFilter,
  route: ReplayRoute,
  options: ReplayOptions,
): Promise<ReplayResult & { matched: number }> {
  const where = deadLetterWhere({ ...filter, status: filter.status ?? 'PENDING' });
  const limit = options.limit ?? 500;
  const rows = await database.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id::text FROM dead_letter WHERE ${where.sql} ORDER BY failed_at, id LIMIT ${Number(limit)}`,
    ...where.values,
  );
  const result = await replayDeadLetters(
    database,
    rows.map((row) => row.id),
    route,
    options,
  );
  return { ...result, matched: rows.length };
}

/** Discards every pending dead letter that matches the filter (oldest first, at most `limit`), like a selection. */
export async function discardMatchingDeadLetters(
  database: TransactionalDatabase,
  filter: DeadLetterFilter,
  options: { requestedBy: string; reason: string; limit: number },
): Promise<{ discarded: string[]; matched: number }> {
  const where = deadLetterWhere({ ...filter, status: filter.status ?? 'PENDING' });
  const rows = await database.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id::text FROM dead_letter WHERE ${where.sql} ORDER BY failed_at, id LIMIT ${Number(options.limit)}`,
    ...where.values,
  );
  if (!rows.length) return { discarded: [], matched: 0 };
  const result = await discardDeadLetters(
    database,
    rows.map((row) => row.id),
    options,
  );
  return { ...result, matched: rows.length };
}

/** Marks dead letters DISCARDED (the rows stay) and records who did it and why. */
export async function discardDeadLetters(
  database: TransactionalDatabase,
  ids: readonly string[],
  options: { requestedBy: string; reason: string },
): Promise<{ discarded: string[] }> {
  if (!options.reason.trim()) throw new DomainError('VALIDATION_FAILED', 'a discard needs a reason');
  return database.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE dead_letter SET status = 'DISCARDED', updated_at = now()
       WHERE id = ANY($1::uuid[]) AND status <> 'DISCARDED' RETURNING id::text`,
      [...ids],
    );
    for (const { id } of rows) {
      await tx.$executeRawUnsafe(
        `INSERT INTO dead_letter_replay (dead_letter_id, action, requested_by, outcome, detail)
         VALUES ($1::uuid, 'DISCARD', $2, 'DISCARDED', $3)`,
        id,
        options.requestedBy,
        options.reason,
      );
    }
    return { discarded: rows.map((row) => row.id) };
  });
}
