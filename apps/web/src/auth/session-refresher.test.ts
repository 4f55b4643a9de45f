import { describe, expect, it, vi } from 'vitest';
import type { SessionTokens } from '@food/api-client';
import {
  createSessionRefresher,
  type Rotation,
  type RotateRefreshToken,
} from './session-refresher';
import type { SessionUser } from './session-user';

const user: SessionUser = { id: 'u1', email: 'a@example.test', name: 'A', role: 'CUSTOMER' };
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const tokens = (name: string, expiresInSeconds = 900): SessionTokens => ({
  accessToken: `access-${name}`,
  accessTokenExpiresAt: inSeconds(expiresInSeconds),
  refreshToken: `refresh-${name}`,
});
const options = { marginMs: 60_000, clientAddress: null };

/** A fake auth.refresh: refresh-N becomes refresh-(N+1), and a token used twice is refused, as auth does. */
function fakeAuth() {
  const used = new Set<string>();
  const rotate = vi.fn<RotateRefreshToken>(async (refreshToken) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (used.has(refreshToken)) return { kind: 'refused' };
    used.add(refreshToken);
    const next = Number(refreshToken.split('-')[1]) + 1;
    return { kind: 'refreshed', tokens: tokens(String(next)), user } satisfies Rotation;
  });
  return rotate;
}

describe('createSessionRefresher', () => {
  it('leaves tokens alone while the access token has more than the margin left', async () => {
    const rotate = fakeAuth();
    const refresh = createSessionRefresher(rotate);
    expect(await refresh(tokens('1', 600), user, options)).toEqual({ kind: 'unchanged' });
    expect(rotate).not.toHaveBeenCalled();
  });

  it('refreshes once for many simultaneous requests with the same cookie', async () => {
    const rotate = fakeAuth();
    const refresh = createSessionRefresher(rotate);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => refresh(tokens('1', 30), user, options)),
    );
    expect(rotate).toHaveBeenCalledTimes(1);
    expect(
      outcomes.every(
        (outcome) => outcome.kind === 'refreshed' && outcome.tokens.refreshToken === 'refresh-2',
      ),
    ).toBe(true);
  });

  it('gives a late request with an old cookie the newest tokens, never an older set and never a second use', async () => {
    const rotate = fakeAuth();
    const refresh = createSessionRefresher(rotate);
    const first = await refresh(tokens('1', 30), user, options);
    expect(first).toMatchObject({ tokens: { refreshToken: 'refresh-2' } });
    // Every request refreshes (margin above the lifetime): refresh-2 becomes refresh-3.
    const everyTime = { ...options, marginMs: 901_000 };
    const second = await refresh(tokens('2'), user, everyTime);
    expect(second).toMatchObject({ tokens: { refreshToken: 'refresh-3' } });
    // A request that left with the first cookie arrives now: it follows 1 -> 2 -> 3 and refreshes 3, not 1 again.
    const late = await refresh(tokens('1', 30), user, everyTime);
    expect(late).toMatchObject({ kind: 'refreshed', tokens: { refreshToken: 'refresh-4' } });
    expect(rotate.mock.calls.map(([refreshToken]) => refreshToken)).toEqual([
      'refresh-1',
      'refresh-2',
      'refresh-3',
    ]);
  });

  it('remembers a refusal for the requests that share the cookie', async () => {
    const rotate = vi.fn<RotateRefreshToken>(async () => ({ kind: 'refused' }));
    const refresh = createSessionRefresher(rotate);
    const outcomes = await Promise.all([
      refresh(tokens('1', 0), user, options),
      refresh(tokens('1', 0), user, options),
    ]);
    expect(outcomes).toEqual([{ kind: 'refused' }, { kind: 'refused' }]);
    expect(rotate).toHaveBeenCalledTimes(1);
  });

  it('tries again on the next request when auth was unavailable', async () => {
    const rotate = vi.fn<RotateRefreshToken>(async () => ({ kind: 'unavailable' }));
    const refresh = createSessionRefresher(rotate);
    expect(await refresh(tokens('1', 0), user, options)).toEqual({ kind: 'unavailable' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await refresh(tokens('1', 0), user, options)).toEqual({ kind: 'unavailable' });
    expect(rotate).toHaveBeenCalledTimes(2);
  });
});
