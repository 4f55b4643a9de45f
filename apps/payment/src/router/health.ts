import { buildHealthReport, publicProcedure } from '@food/service-kit';
import { db } from '../db.js';

export const health = publicProcedure.query(() =>
  buildHealthReport('payment', {
    database: async () => {
      await db.$queryRaw`SELECT 1`;
    },
  }),
);
