import * as serviceKit from '@food/service-kit';
import type { ServiceContext } from '@food/service-kit';
import type { AuthService } from './auth-service.js';

/** The auth service's request context: service-kit's (caller, logger, correlation id) plus its own dependencies. */
export interface AuthContext extends ServiceContext {
  service: AuthService;
  /** The client's address for login throttling; null when unknown. */
  clientIp: string | null;
}

/**
 * Service-kit's procedures are typed with the platform-wide ServiceContext (one tRPC instance for every service,
 * so the client's AppRouter is a plain merge). The auth server and the tests always pass an AuthContext; this
 * brings its own fields back into the procedures' types, and fails loudly if a caller forgot them.
 */
function authPartOf(ctx: ServiceContext): Pick<AuthContext, 'service' | 'clientIp'> {
  const { service, clientIp } = ctx as Partial<AuthContext>;
  if (!service)
    throw new Error('the auth router was called without an AuthContext (service missing)');
  return { service, clientIp: clientIp ?? null };
}

export const publicProcedure = serviceKit.publicProcedure.use(({ ctx, next }) =>
  next({ ctx: authPartOf(ctx) }),
);
export const authedProcedure = serviceKit.authedProcedure.use(({ ctx, next }) =>
  next({ ctx: authPartOf(ctx) }),
);
export const adminProcedure = serviceKit.adminProcedure.use(({ ctx, next }) =>
  next({ ctx: authPartOf(ctx) }),
);
