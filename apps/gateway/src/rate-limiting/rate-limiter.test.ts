import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter, type RateLimitOutcome } from './rate-limiter.js';
import { testRedisUrl } from '../test-support/env.js';

const keyPrefix = `test:gateway:${randomUUID()}:`;
let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl);
});
afterAll(async () => {
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const decided = (outcome: RateLimitOutcome) => {
  if (outcome.kind !== 'decided') throw new Error(`redis unavailable: ${outcome.error.message}`);
  return outcome.decision;
};

describe('the sliding-window rate limiter', () => {
  it('admits exactly the limit among many concurrent callers (one atomic script)', async () => {
    const limiter = createRedisRateLimiter(redis, { keyPrefix, windowMs: 60_000 });
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () => limiter.consume('concurrent', 20, 1)),
    );
    const decisions = outcomes.map(decided);

    expect(decisions.filter((decision) => decision.admitted)).toHaveLength(20);
    expect(
      new Set(
        decisions.filter((decision) => decision.admitted).map((decision) => decision.remaining),
      ).size,
    ).toBe(20);
    expect(await redis.zcard(`${keyPrefix}concurrent`)).toBe(20);
  });

  it('admits a cost only if all of it fits, and says when it would', async () => {
    const limiter = createRedisRateLimiter(redis, { keyPrefix, windowMs: 60_000 });
    expect(decided(await limiter.consume('cost', 5, 3))).toMatchObject({
      admitted: true,
      remaining: 2,
      retryAfterSeconds: 0,
    });
    const refused = decided(await limiter.consume('cost', 5, 3));
    expect(refused).toMatchObject({ admitted: false, remaining: 2, limit: 5 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(decided(await limiter.consume('cost', 5, 2))).toMatchObject({
      admitted: true,
      remaining: 0,
    });
  });

  it('expires its key with the window, so idle callers leave nothing behind', async () => {
    const limiter = createRedisRateLimiter(redis, { keyPrefix, windowMs: 60_000 });
    await limiter.consume('expiring', 5, 1);
    const ttl = await redis.pttl(`${keyPrefix}expiring`);
    expect(ttl).toBeGreaterThan(59_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
