import type { IncomingMessage } from 'node:http';
import type { AccessTokenVerifier } from './access-token.js';
import { bearerToken } from './access-token.js';
import type { Logger } from './logger.js';
import type { ServiceContext } from './service-trpc.js';

/**
 * Builds a request's context: the caller is whoever the Bearer token proves, verified here again even behind the
 * gateway (a request that bypasses the gateway gets no more than one through it). Identity headers are ignored.
 */
export async function createRequestContext(
  request: IncomingMessage,
  correlationId: string,
  verify: AccessTokenVerifier,
  logger: Logger,
): Promise<ServiceContext> {
  const token = bearerToken(request.headers.authorization);
  if (!token) return { correlationId, user: null, authError: null, logger };
  try {
    const user = await verify(token);
    return { correlationId, user, authError: null, logger: logger.child({ userId: user.userId }) };
  } catch (error) {
    return { correlationId, user: null, authError: (error as Error).message, logger };
  }
}
