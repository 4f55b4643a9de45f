import { initTRPC } from '@trpc/server';
import type { Database } from './db.js';

export interface Context {
  db: Database;
  correlationId: string;
}

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;
