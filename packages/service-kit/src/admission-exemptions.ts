import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { isHealthCall } from './gateway-only.js';
import { procedurePathsOf } from './trpc-paths.js';

/**
 * Which calls under /trpc/ bypass the admission gate: health (an overloaded service must still say how it is) and
 * subscriptions (a live feed holds its stream for hours and no database connection; counting it would let a few
 * open feeds take every slot). Anything else, a batch with one other call in it included, waits its turn.
 */
export function admissionExemption(router: AnyTRPCRouter): (pathname: string) => boolean {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;
  const isSubscription = (path: string) =>
    Object.hasOwn(procedures, path) && procedures[path]?._def.type === 'subscription';
  return (pathname) => {
    if (isHealthCall(pathname)) return true;
    return procedurePathsOf(pathname).every(isSubscription);
  };
}
