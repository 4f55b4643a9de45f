import { randomUUID } from 'node:crypto';
import type { SessionTokens } from '@food/api-client';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sharedRotationMemory } from './rotation-memory';
import {
  createSessionRefresher,
  type RotateRefreshToken,
  type Rotation,
} from './session-refresher';
import type { SessionUser } from './session-user';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const user: SessionUser = { id: 'u1', email: 'a@example.test', name: 'A', role: 'CUSTOMER' };
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const options = { marginMs: 60_000, clientAddress: null };
const clients: Redis[] = [];
afterAll(() => Promise.all(clients.map((client) => client.quit().catch(() => undefined))));

/** A fake auth.refresh over one sign-in: <run>-N becomes <run>-(N+1), and a token used twice is refused, as auth does. */
function fakeAuth() {
  const run = randomUUID();
  const used = new Set<string>();
  const tokens = (n: number, expiresInSeconds = 900): SessionTokens => ({
    accessToken: `access-${run}-${n}`,
    accessTokenExpiresAt: inSeconds(expiresInSeconds),
    refreshToken: `refresh-${run}-${n}`,
  });
  const rotate = vi.fn<RotateRefreshToken>(async (refreshToken) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (used.has(refreshToken)) return { kind: 'refused' };
    used.add(refreshToken);
    return {
      kind: 'refreshed',
      tokens: tokens(Number(refreshToken.split('-').at(-1)) + 1),
      user,
    } satisfies Rotation;
  });
  return { rotate, tokens };
}

/** One web instance: its own Redis connection and its own process memory, sharing the Redis server. */
function webInstance(
  rotate: RotateRefreshToken,
  url = redisUrl,
  onRedisError = (_error: unknown) => {},
) {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 500,
    lazyConnect: true,
  });
  redis.on('error', () => {});
  clients.push(redis);
  const memory = sharedRotationMemory(redis, {
    secret,
    keyPrefix: `test:web:rotation:${randomUUID()}:`,
    onRedisError,
  });
  return { redis, refresh: createSessionRefresher(rotate, memory) };
}

describe('refresh rotations shared by two web instances through Redis', () => {
  it('gives a request with the old cookie at instance B, just started, the tokens instance A rotated to, without refreshing again', async () => {
    const { rotate, tokens } = fakeAuth();
    const prefix = `test:web:rotation:${randomUUID()}:`;
    // Instance B's client is created right before its first request: it is still connecting when the request comes.
    const [a, b] = [0, 1].map(() => () => {
      const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
      clients.push(redis);
      const memory = sharedRotationMemory(redis, {
        secret,
        keyPrefix: prefix,
        onRedisError: (error) => {
          throw error;
        },
      });
      return createSessionRefresher(rotate, memory);
    });

    const throughA = await a!()(tokens(1, 30), user, options);
    const throughB = await b!()(tokens(1, 30), user, options);

    expect(throughA).toMatchObject({
      kind: 'refreshed',
      tokens: { refreshToken: tokens(2).refreshToken },
    });
    expect(throughB).toEqual(throughA);
    expect(rotate).toHaveBeenCalledTimes(1);
  });

  it('rotates once when both instances get the same cookie at the same moment', async () => {
    const { rotate, tokens } = fakeAuth();
    const prefix = `test:web:rotation:${randomUUID()}:`;
    const refreshers = [0, 1].map(() => {
      const redis = new Redis(redisUrl, { lazyConnect: true });
      clients.push(redis);
      return createSessionRefresher(
        rotate,
        sharedRotationMemory(redis, {
          secret,
          keyPrefix: prefix,
          onRedisError: (error) => {
            throw error;
          },
        }),
      );
    });

    const outcomes = await Promise.all(
      refreshers.flatMap((refresh) => [
        refresh(tokens(1, 30), user, options),
        refresh(tokens(1, 30), user, options),
      ]),
    );

    expect(rotate).toHaveBeenCalledTimes(1);
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({
        kind: 'refreshed',
        tokens: { refreshToken: tokens(2).refreshToken },
      });
  });

  it('keeps no token readable in Redis', async () => {
    const { rotate, tokens } = fakeAuth();
    const instance = webInstance(rotate);
    await instance.refresh(tokens(1, 30), user, options);
    const keys = await instance.redis.keys('test:web:rotation:*');
    const values = await Promise.all(keys.map((key) => instance.redis.get(key)));
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).not.toContain(tokens(2).refreshToken.slice(-12));
  });

  it('still refreshes, once per instance, when Redis does not answer', async () => {
    const { rotate, tokens } = fakeAuth();
    const errors: unknown[] = [];
    const instance = webInstance(rotate, 'redis://127.0.0.1:1', (error) => errors.push(error));

    const outcomes = await Promise.all([
      instance.refresh(tokens(1, 30), user, options),
      instance.refresh(tokens(1, 30), user, options),
    ]);

    for (const outcome of outcomes)
      expect(outcome).toMatchObject({
        kind: 'refreshed',
        tokens: { refreshToken: tokens(2).refreshToken },
      });
    expect(rotate).toHaveBeenCalledTimes(1);
    expect(errors.length).toBeGreaterThan(0);
  });
});
