import { proceduresWith, type Clock } from '@food/service-kit';
import type { Database } from './db.js';

/** What the order procedures work with, from their context: the HTTP server's, or a test's inner context. */
export interface OrderDependencies {
  db: Database;
  clock: Clock;
}

export const { publicProcedure, authedProcedure, adminProcedure } = proceduresWith<OrderDependencies>('order');
