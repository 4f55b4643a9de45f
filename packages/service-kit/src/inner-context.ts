import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser, Role } from '@food/contracts';
import type { Logger } from './logger.js';
import type { ServiceContext } from './service-trpc.js';

/**
 * The context of a call made without HTTP (a router test's `createCaller`): the caller as given, already verified,
 * and the service's dependencies, exactly as its HTTP server would put them.
 */
export function innerContext(dependencies: object, user: AuthenticatedUser | null, logger: Logger): ServiceContext {
  return { correlationId: randomUUID(), user, authError: null, logger, dependencies };
}

/** A signed-in caller with a fresh id, as an access token would prove it. */
export function signedInUser(role: Role = 'CUSTOMER'): AuthenticatedUser {
  const userId = randomUUID();
  return { userId, email: `${role.toLowerCase()}-${userId.slice(0, 8)}@example.test`, role, tokenId: randomUUID() };
}
