import { deadLetterStatuses, DomainError } from '@food/contracts';
import { proceduresWith, router } from '@food/service-kit';
import { z } from 'zod';
import { deadLetterWhere, type DeadLetterFilter } from './dead-letter-filter.js';
import {
  discardDeadLetters,
  discardMatchingDeadLetters,
  replayDeadLetters,
  replayMatchingDeadLetters,
  type ReplayRoute,
} from './dead-letter-replay.js';
import { listDeadLetterGroups } from './dead-letter-groups.js';
import { deadLettersOfKey } from './dead-letter-history.js';
import { listColumns, listDeadLetters, toListItem, type DeadLetterDetailRow } from './dead-letter-list.js';
import type { TransactionalDatabase } from './sql-client.js';

const filterInput = z.object({
  status: z.enum(deadLetterStatuses).optional(),
  originalTopic: z.string().max(200).optional(),
  errorText: z.string().max(200).optional(),
  failedFrom: z.coerce.date().optional(),
  failedTo: z.coerce.date().optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, 'a group fingerprint is 32 hex digits').optional(),
  key: z.string().min(1).max(1000).optional(),
  eventId: z.string().min(1).max(100).optional(),
  payloadText: z.string().min(1).max(200).optional(),
  header: z.object({ name: z.string().min(1).max(200).optional(), value: z.string().min(1).max(1000) }).optional(),
});

const idInput = z.uuid();
const maxSelection = 500;

/** The payload as text, and parsed when it is JSON, so an admin sees it pretty-printed. */
function describePayload(value: Uint8Array) {
  const text = Buffer.from(value).toString('utf8');
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    return { text, json: null };
  }
}

/** Its procedures read the service's database from their context (`ctx.db`), as the service's own routers do. */
const { adminProcedure } = proceduresWith<{ db: TransactionalDatabase }>('dead letters');

/**
 * The admin API over one service's dead letters: list, inspect, replay (one, selected, matching) and discard.
 * Replays go to the service's own replay topic, only for topics it consumes.
 */
export function createDeadLetterRouter(route: ReplayRoute) {
  return router({
    list: adminProcedure
      .input(
        filterInput.extend({
          limit: z.number().int().min(1).max(200).default(50),
          cursor: z.object({ failedAt: z.coerce.date(), id: idInput }).optional(),
        }),
      )
      .query(({ input, ctx }) => listDeadLetters(ctx.db, input, input)),

    groups: adminProcedure
      .input(filterInput.extend({ limit: z.number().int().min(1).max(200).default(100) }))
      .query(({ input, ctx }) => listDeadLetterGroups(ctx.db, input, input.limit)),

    /** The dead letters of one key (an order id) with their replays and outcomes, for the order's timeline. */
    ofKey: adminProcedure
      .input(z.object({ key: z.string().min(1).max(1000) }))
      .query(({ input, ctx }) => deadLettersOfKey(ctx.db, input.key)),

    count: adminProcedure.input(filterInput).query(async ({ input, ctx }) => {
      const where = deadLetterWhere(input);
      const rows = await ctx.db.$queryRawUnsafe<Array<{ status: string; count: number }>>(
        `SELECT status, count(*)::int AS count FROM dead_letter WHERE ${where.sql} GROUP BY status`,
        ...where.values,
      );
      const byStatus = Object.fromEntries(deadLetterStatuses.map((status) => [status, 0])) as Record<string, number>;
      for (const row of rows) byStatus[row.status] = row.count;
      return { total: rows.reduce((sum, row) => sum + row.count, 0), byStatus };
    }),

    get: adminProcedure.input(z.object({ id: idInput })).query(async ({ input, ctx }) => {
      const rows = await ctx.db.$queryRawUnsafe<DeadLetterDetailRow[]>(
        `SELECT ${listColumns}, d.value, d.headers FROM dead_letter d WHERE d.id = $1::uuid`,
        input.id,
      );
      const row = rows[0];
      if (!row) throw new DomainError('NOT_FOUND', `no dead letter ${input.id}`);
      const replays = await ctx.db.$queryRawUnsafe<
        Array<{ action: string; requested_by: string; requested_at: Date; outcome: string; detail: string | null }>
      >(
        `SELECT action, requested_by, requested_at, outcome, detail FROM dead_letter_replay
         WHERE dead_letter_id = $1::uuid ORDER BY requested_at, id`,
        input.id,
      );
      const laterFailures = await ctx.db.$queryRawUnsafe<Array<{ id: string; failed_at: Date; error_message: string }>>(
        'SELECT id::text, failed_at, error_message FROM dead_letter WHERE replay_of = $1::uuid ORDER BY failed_at',
        input.id,
      );
      return {
        ...toListItem(row),
        payload: describePayload(row.value),
        headers: row.headers,
        history: replays.map((replay) => ({
          action: replay.action,
          requestedBy: replay.requested_by,
          requestedAt: replay.requested_at.toISOString(),
          outcome: replay.outcome,
          detail: replay.detail,
        })),
        /** Dead letters that a replay of this one produced (the replay failed again). */
        failedAgainAs: laterFailures.map((failure) => ({
          id: failure.id,
          failedAt: failure.failed_at.toISOString(),
          errorMessage: failure.error_message,
        })),
      };
    }),

    replay: adminProcedure
      .input(z.object({ id: idInput, force: z.boolean().default(false) }))
      .mutation(async ({ input, ctx }) => {
        const result = await replayDeadLetters(ctx.db, [input.id], route, { requestedBy: ctx.user.email, force: input.force });
        const refused = result.skipped[0];
        if (refused?.reason === 'not found') throw new DomainError('NOT_FOUND', `no dead letter ${input.id}`);
        if (refused) throw new DomainError('DEAD_LETTER_NOT_REPLAYABLE', `dead letter ${input.id}: ${refused.reason}`);
        return result;
      }),

    replaySelected: adminProcedure
      .input(z.object({ ids: z.array(idInput).min(1).max(maxSelection), force: z.boolean().default(false) }))
      .mutation(({ input, ctx }) =>
        replayDeadLetters(ctx.db, input.ids, route, { requestedBy: ctx.user.email, force: input.force }),
      ),

    replayMatching: adminProcedure
      .input(
        z.object({
          filter: filterInput,
          limit: z.number().int().min(1).max(maxSelection).default(maxSelection),
          maxPerSecond: z.number().int().min(1).max(100).default(20),
        }),
      )
      .mutation(({ input, ctx }) =>
        replayMatchingDeadLetters(ctx.db, input.filter as DeadLetterFilter, route, {
          requestedBy: ctx.user.email,
          limit: input.limit,
          maxPerSecond: input.maxPerSecond,
        }),
      ),

    discardMatching: adminProcedure
      .input(
        z.object({
          filter: filterInput,
          reason: z.string().trim().min(1).max(500),
          limit: z.number().int().min(1).max(maxSelection).default(maxSelection),
        }),
      )
      .mutation(({ input, ctx }) =>
        discardMatchingDeadLetters(ctx.db, input.filter, { requestedBy: ctx.user.email, reason: input.reason, limit: input.limit }),
      ),

    discard: adminProcedure
      .input(z.object({ ids: z.array(idInput).min(1).max(maxSelection), reason: z.string().trim().min(1).max(500) }))
      .mutation(({ input, ctx }) => discardDeadLetters(ctx.db, input.ids, { requestedBy: ctx.user.email, reason: input.reason })),
  });
}
