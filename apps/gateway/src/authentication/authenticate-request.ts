import type { AuthenticatedUser } from '@food/contracts';
import { bearerToken, type AccessTokenVerifier } from '@food/service-kit';

export type Authentication =
  | { kind: 'user'; user: AuthenticatedUser }
  | { kind: 'anonymous' }
  | { kind: 'rejected'; reason: string };

/** Who the request's Bearer token proves; `rejected` when a token (or an Authorization header) is there but fails. */
export async function authenticateRequest(
  authorization: string | undefined,
  verifyAccessToken: AccessTokenVerifier,
): Promise<Authentication> {
  if (authorization === undefined || authorization === '') return { kind: 'anonymous' };
  const token = bearerToken(authorization);
  if (!token) return { kind: 'rejected', reason: 'the Authorization header is not a Bearer token' };
  try {
    return { kind: 'user', user: await verifyAccessToken(token) };
  } catch (error) {
    return { kind: 'rejected', reason: (error as Error).message };
  }
}
