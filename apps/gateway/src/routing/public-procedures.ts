import { serviceNames } from '@food/contracts';

/** Procedures the gateway lets through without an access token (still rate limited). Everything else needs one. */
const publicProcedures: ReadonlySet<string> = new Set([
  'auth.register',
  'auth.login',
  'auth.refresh',
  'auth.logout',
  'order.menu',
  ...serviceNames.map((service) => `${service}.health`),
]);

export function isPublicProcedure(path: string): boolean {
  return publicProcedures.has(path);
}

/** A call is public only if every procedure in it is. */
export function isPublicCall(procedures: readonly string[]): boolean {
  return procedures.length > 0 && procedures.every(isPublicProcedure);
}
