import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { providerStatus, setProviderOutage } from '../provider/provider-outage.js';
import { simulatedAmountLimitCents, simulatedTestTokens } from '../provider/simulated-provider.js';
import { adminProcedure } from '../trpc.js';

export const paymentAdminProcedures = {
  adminList: adminProcedure
    .input(
      z.object({
        status: z.enum(['CAPTURED', 'DECLINED']).optional(),
        orderId: z.uuid().optional(),
        userId: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.uuid().optional(),
      }),
    )
    .query(async ({ input, ctx }) => {
      const rows = await ctx.db.payment.findMany({
        where: { status: input.status, orderId: input.orderId, userId: input.userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      });
      const items = rows.slice(0, input.limit).map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
      return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
    }),

  providerStatus: adminProcedure.query(async ({ ctx }) => ({
    ...(await providerStatus(ctx.db)),
    testTokens: simulatedTestTokens,
    amountLimitCents: simulatedAmountLimitCents,
  })),

  setProviderOutage: adminProcedure
    .input(z.object({ enabled: z.boolean() }))
    .mutation(async ({ input, ctx }) => {
      const status = await setProviderOutage(ctx.db, input.enabled, ctx.user.email, ctx.clock.now());
      ctx.logger.warn('payment provider outage mode switched', { outage: input.enabled });
      return status;
    }),
} satisfies TRPCRouterRecord;
