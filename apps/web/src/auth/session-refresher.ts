import { createHash } from 'node:crypto';
import type { SessionTokens } from '@food/api-client';
import { processRotationMemory, type RotationMemory } from './rotation-memory';
import type { SessionUser } from './session-user';

export type RefreshOutcome =
  | { kind: 'unchanged' }
  | { kind: 'refreshed'; tokens: SessionTokens; user: SessionUser }
  /** auth refused the refresh token (expired, revoked or already used): the user must sign in again. */
  | { kind: 'refused' }
  /** auth did not answer: keep the session as it is and let the gateway judge the access token. */
  | { kind: 'unavailable' };

export type Rotation = Exclude<RefreshOutcome, { kind: 'unchanged' }>;

/** Exchanges a refresh token for new tokens (auth.refresh); never throws, the outcome says what happened. */
export type RotateRefreshToken = (
  refreshToken: string,
  caller: { userId: string; clientAddress: string | null },
) => Promise<Rotation>;

export interface RefreshOptions {
  /** Refresh when the access token has less than this left. */
  marginMs: number;
  clientAddress: string | null;
}

const keyOf = (refreshToken: string) => createHash('sha256').update(refreshToken).digest('hex');

/**
 * Keeps a session's tokens current, refreshing once per refresh token however many requests ask at the same time.
 *
 * auth rotates the refresh token on every refresh and revokes the whole sign-in when a used one comes back. A browser
 * sends several requests with one cookie at once, and a request that left before the browser stored the new cookie
 * still carries the old one. So each rotation is remembered (by a hash of the token it consumed, in `memory`: this
 * process's, or every web instance's in Redis), and a request with an old token follows the chain to the newest
 * tokens instead of refreshing again: it never gets an older set than a request before it.
 */
export function createSessionRefresher(
  rotate: RotateRefreshToken,
  memory: RotationMemory = processRotationMemory(),
) {
  return async function refreshIfDue(
    tokens: SessionTokens,
    user: SessionUser,
    options: RefreshOptions,
  ): Promise<RefreshOutcome> {
    let newest: { tokens: SessionTokens; user: SessionUser } | undefined;
    for (
      let known = await memory.recall(keyOf(tokens.refreshToken));
      known;
      known = await memory.recall(keyOf(newest.tokens.refreshToken))
    ) {
      if (known.kind !== 'refreshed') return known;
      newest = known;
    }
    const current = newest?.tokens ?? tokens;
    if (Date.parse(current.accessTokenExpiresAt) - Date.now() >= options.marginMs) {
      return newest ? { kind: 'refreshed', ...newest } : { kind: 'unchanged' };
    }
    // A rotation of `current` that started since the lookup above is joined, not repeated.
    return memory.rotateOnce(keyOf(current.refreshToken), () =>
      rotate(current.refreshToken, {
        userId: (newest?.user ?? user).id,
        clientAddress: options.clientAddress,
      }),
    );
  };
}
