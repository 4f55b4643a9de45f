import { buildHealthReport } from '@food/service-kit';
import { publicProcedure } from '../trpc.js';

export const health = publicProcedure.query(({ ctx }) =>
  buildHealthReport('auth', {
    database: async () => {
      await ctx.service.db.$queryRaw`SELECT 1`;
    },
    // Degraded, not down: without Redis logins still work, only unthrottled.
    redis: async () => {
      await ctx.service.redis.ping();
    },
  }),
);
