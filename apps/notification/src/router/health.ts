import { buildHealthReport } from '@food/service-kit';
import { publicProcedure } from '../trpc.js';

export const health = publicProcedure.query(({ ctx }) =>
  buildHealthReport('notification', {
    database: async () => {
      await ctx.db.$queryRaw`SELECT 1`;
    },
  }),
);
