import * as base from './service-trpc.js';
import type { ServiceContext } from './service-trpc.js';

/**
 * The procedure kinds of one service, whose context carries the service's own dependencies (db, clock, provider…)
 * beside the caller: `ctx.db` in its procedures. One tRPC instance serves every service (so the client's AppRouter
 * is a plain merge), typed with the platform-wide ServiceContext; the service's HTTP server and its tests put the
 * dependencies in `dependencies` (an inner context built without HTTP), and these kinds give them back their type.
 */
export function proceduresWith<Dependencies extends object>(service: string) {
  const dependenciesOf = (ctx: ServiceContext): Dependencies => {
    if (!ctx.dependencies) throw new Error(`the ${service} router was called without its dependencies in the context`);
    // The one place a service's dependencies get their type back: its server and its tests build them as Dependencies.
    return ctx.dependencies as Dependencies;
  };
  return {
    publicProcedure: base.publicProcedure.use(({ ctx, next }) => next({ ctx: dependenciesOf(ctx) })),
    authedProcedure: base.authedProcedure.use(({ ctx, next }) => next({ ctx: dependenciesOf(ctx) })),
    adminProcedure: base.adminProcedure.use(({ ctx, next }) => next({ ctx: dependenciesOf(ctx) })),
  };
}
