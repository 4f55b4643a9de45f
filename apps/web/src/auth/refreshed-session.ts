import type { JWT } from 'next-auth/jwt';
import { env } from '../env';
import {
  decodeSession,
  encodeSession,
  readSessionCookie,
  type CookieReader,
} from './session-cookie';
import { refreshIfDue } from './refresh-through-gateway';

export interface RequestSession {
  /** The session's content after any refresh; null when signed out. */
  token: JWT | null;
  /** The new cookie value when the session changed (refreshed, or ended by a refused refresh). */
  changedCookie?: string;
}

/** Reads the request's session and refreshes its access token when due (see refreshIfDue). */
export async function refreshedSession(
  cookies: CookieReader,
  clientAddress: string | null,
): Promise<RequestSession> {
  const token = await decodeSession(readSessionCookie(cookies));
  if (
    !token?.user ||
    token.error ||
    !token.accessToken ||
    !token.accessTokenExpiresAt ||
    !token.refreshToken
  ) {
    return { token };
  }
  const outcome = await refreshIfDue(
    {
      accessToken: token.accessToken,
      accessTokenExpiresAt: token.accessTokenExpiresAt,
      refreshToken: token.refreshToken,
    },
    token.user,
    { marginMs: env.WEB_ACCESS_TOKEN_REFRESH_MARGIN_SECONDS * 1000, clientAddress },
  );
  switch (outcome.kind) {
    case 'unchanged':
    case 'unavailable':
      return { token };
    case 'refreshed': {
      const next: JWT = { sub: outcome.user.id, user: outcome.user, ...outcome.tokens };
      return { token: next, changedCookie: await encodeSession(next) };
    }
    case 'refused': {
      // Keep who it was, drop the dead tokens: the pages send the user to sign in and say why.
      const next: JWT = { sub: token.user.id, user: token.user, error: 'SessionExpired' };
      return { token: next, changedCookie: await encodeSession(next) };
    }
  }
}
