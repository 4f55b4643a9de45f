import { DomainError } from '@food/contracts';
import { proceduresWith, router } from '@food/service-kit';
import { z } from 'zod';
import { runBulkActionInBackground } from './bulk-action-runner.js';
import { createBulkAction, listBulkActions } from './bulk-dead-letter-action.js';
import { deadLetterFilterSchema, type DeadLetterFilter } from './dead-letter-filter.js';
import {
  discardDeadLetters,
  discardMatchingDeadLetters,
  replayDeadLetters,
  replayMatchingDeadLetters,
  type ReplayRoute,
} from './dead-letter-replay.js';
import { listDeadLetterGroups } from './dead-letter-groups.js';
import { resolveDeadLetters } from './dead-letter-resolve.js';
import { deadLettersOfKey } from './dead-letter-history.js';
import { getDeadLetterDetail } from './dead-letter-detail.js';
import { countDeadLetters, listDeadLetters } from './dead-letter-list.js';
import type { TransactionalDatabase } from './sql-client.js';

const filterInput = deadLetterFilterSchema;

/** Its procedures read the service's database from their context (`ctx.db`), as the service's own routers do. */
const { adminProcedure } = proceduresWith<{ db: TransactionalDatabase }>('dead letters');

const idInput = z.uuid();
const maxSelection = 500;

/** Reading: the list (cursor pages), groups, one key's letters for the order timeline, counts and one letter. */
const readingProcedures = () => ({
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

  count: adminProcedure
    .input(filterInput)
    .query(({ input, ctx }) => countDeadLetters(ctx.db, input)),

  get: adminProcedure
    .input(z.object({ id: idInput }))
    .query(({ input, ctx }) => getDeadLetterDetail(ctx.db, input.id)),
});

/** Replaying one, selected or every matching letter to the service's replay topic. */
const replayProcedures = (route: ReplayRoute) => ({
  replay: adminProcedure
    .input(z.object({ id: idInput, force: z.boolean().default(false) }))
    .mutation(async ({ input, ctx }) => {
      const result = await replayDeadLetters(ctx.db, [input.id], route, {
        requestedBy: ctx.user.email,
        force: input.force,
      });
      const refused = result.skipped[0];
      if (refused?.reason === 'not found')
        throw new DomainError('NOT_FOUND', `no dead letter ${input.id}`);
      if (refused)
        throw new DomainError(
          'DEAD_LETTER_NOT_REPLAYABLE',
          `dead letter ${input.id}: ${refused.reason}`,
        );
      return result;
    }),

  replaySelected: adminProcedure
    .input(
      z.object({
        ids: z.array(idInput).min(1).max(maxSelection),
        force: z.boolean().default(false),
      }),
    )
    .mutation(({ input, ctx }) =>
      replayDeadLetters(ctx.db, input.ids, route, {
        requestedBy: ctx.user.email,
        force: input.force,
      }),
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
});

/** Bulk actions the service works on by itself, paced, with their progress. */
const bulkProcedures = (route: ReplayRoute) => ({
  /**
   * Replays or discards every pending dead letter a filter matches (a group, say) as a bulk action the service
   * works on by itself, paced; answers at once with its id, whose progress `bulkActions` reports.
   */
  startBulk: adminProcedure
    .input(
      z
        .object({
          action: z.enum(['REPLAY', 'DISCARD']),
          filter: filterInput,
          maxPerSecond: z.number().int().min(1).max(100).default(20),
          reason: z.string().trim().min(1).max(500).optional(),
        })
        .refine((input) => input.action !== 'DISCARD' || input.reason, {
          message: 'a discard needs a reason',
          path: ['reason'],
        }),
    )
    .mutation(async ({ input, ctx }) => {
      const id = await createBulkAction(ctx.db, {
        action: input.action,
        filter: input.filter as DeadLetterFilter,
        perSecond: input.maxPerSecond,
        reason: input.reason,
        requestedBy: ctx.user.email,
      });
      runBulkActionInBackground(ctx.db, route, id, ctx.logger);
      return { id };
    }),

  /** Bulk actions running now or ended in the last ten minutes, or the ones named. */
  bulkActions: adminProcedure
    .input(z.object({ ids: z.array(idInput).max(20).optional() }))
    .query(({ input, ctx }) => listBulkActions(ctx.db, input.ids)),
});

/** Closing letters without a replay: resolved (handled elsewhere) or discarded with a reason. */
const closingProcedures = () => ({
  /** Marks pending dead letters handled without a replay: who, when and an optional note are recorded. */
  resolve: adminProcedure
    .input(
      z.object({
        ids: z.array(idInput).min(1).max(maxSelection),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .mutation(({ input, ctx }) =>
      resolveDeadLetters(ctx.db, input.ids, { requestedBy: ctx.user.email, note: input.note }),
    ),

  discard: adminProcedure
    .input(
      z.object({
        ids: z.array(idInput).min(1).max(maxSelection),
        reason: z.string().trim().min(1).max(500),
      }),
    )
    .mutation(({ input, ctx }) =>
      discardDeadLetters(ctx.db, input.ids, {
        requestedBy: ctx.user.email,
        reason: input.reason,
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
      discardMatchingDeadLetters(ctx.db, input.filter, {
        requestedBy: ctx.user.email,
        reason: input.reason,
        limit: input.limit,
      }),
    ),
});

/**
 * The admin API over one service's dead letters: list, inspect, replay (one, selected, matching), bulk actions,
 * resolve and discard. Replays go to the service's own replay topic, only for topics it consumes.
 */
export function createDeadLetterRouter(route: ReplayRoute) {
  return router({
    ...readingProcedures(),
    ...replayProcedures(route),
    ...bulkProcedures(route),
    ...closingProcedures(),
  });
}
