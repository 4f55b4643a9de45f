import { deadLetterStatuses, DomainError } from '@food/contracts';
import { adminProcedure, router } from '@food/service-kit';
import { z } from 'zod';
import type { DeadLetterFilter } from './dead-letter-filter.js';
import {
  discardDeadLetters,
  discardMatchingDeadLetters,
  replayDeadLetters,
  replayMatchingDeadLetters,
  type ReplayRoute,
} from './dead-letter-replay.js';
import { listDeadLetterGroups } from './dead-letter-groups.js';
import { deadLettersOfKey } from './dead-letter-history.js';
import { getDeadLetterDetail } from './dead-letter-detail.js';
import { countDeadLetters, listDeadLetters } from './dead-letter-list.js';
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

/**
 * The admin API over one service's dead letters: list, inspect, replay (one, selected, matching) and discard.
 * Replays go to the service's own replay topic, only for topics it consumes.
 */
export function createDeadLetterRouter(database: TransactionalDatabase, route: ReplayRoute) {
  return router({
    list: adminProcedure
      .input(
        filterInput.extend({
          limit: z.number().int().min(1).max(200).default(50),
          cursor: z.object({ failedAt: z.coerce.date(), id: idInput }).optional(),
        }),
      )
      .query(({ input }) => listDeadLetters(database, input, input)),

    groups: adminProcedure
      .input(filterInput.extend({ limit: z.number().int().min(1).max(200).default(100) }))
      .query(({ input }) => listDeadLetterGroups(database, input, input.limit)),

    /** The dead letters of one key (an order id) with their replays and outcomes, for the order's timeline. */
    ofKey: adminProcedure
      .input(z.object({ key: z.string().min(1).max(1000) }))
      .query(({ input }) => deadLettersOfKey(database, input.key)),

    count: adminProcedure.input(filterInput).query(({ input }) => countDeadLetters(database, input)),

    get: adminProcedure.input(z.object({ id: idInput })).query(({ input }) => getDeadLetterDetail(database, input.id)),

    replay: adminProcedure
      .input(z.object({ id: idInput, force: z.boolean().default(false) }))
      .mutation(async ({ input, ctx }) => {
        const result = await replayDeadLetters(database, [input.id], route, { requestedBy: ctx.user.email, force: input.force });
        const refused = result.skipped[0];
        if (refused?.reason === 'not found') throw new DomainError('NOT_FOUND', `no dead letter ${input.id}`);
        if (refused) throw new DomainError('DEAD_LETTER_NOT_REPLAYABLE', `dead letter ${input.id}: ${refused.reason}`);
        return result;
      }),

    replaySelected: adminProcedure
      .input(z.object({ ids: z.array(idInput).min(1).max(maxSelection), force: z.boolean().default(false) }))
      .mutation(({ input, ctx }) =>
        replayDeadLetters(database, input.ids, route, { requestedBy: ctx.user.email, force: input.force }),
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
        replayMatchingDeadLetters(database, input.filter as DeadLetterFilter, route, {
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
        discardMatchingDeadLetters(database, input.filter, { requestedBy: ctx.user.email, reason: input.reason, limit: input.limit }),
      ),

    discard: adminProcedure
      .input(z.object({ ids: z.array(idInput).min(1).max(maxSelection), reason: z.string().trim().min(1).max(500) }))
      .mutation(({ input, ctx }) => discardDeadLetters(database, input.ids, { requestedBy: ctx.user.email, reason: input.reason })),
  });
}
