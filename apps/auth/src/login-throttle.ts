import { createHash } from 'node:crypto';
import { DomainError } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { Redis } from 'ioredis';

export interface LoginThrottleLimits {
  failuresPerAccount: number;
  failuresPerClientIp: number;
  windowSeconds: number;
}

export const loginThrottleLimits: LoginThrottleLimits = {
  failuresPerAccount: 5,
  failuresPerClientIp: 20,
  windowSeconds: 15 * 60,
};

export interface LoginAttempt {
  email: string;
  /** null when the client's address is unknown (only the account is counted then). */
  clientIp: string | null;
}

export interface LoginThrottle {
  /** Refuses with RATE_LIMITED while the account or the client address has too many recent failures. */
  assertAllowed(attempt: LoginAttempt): Promise<void>;
  recordFailure(attempt: LoginAttempt): Promise<void>;
  /** Clears the account's failures; the address's stay, so one good account cannot launder a guessing run. */
  recordSuccess(attempt: LoginAttempt): Promise<void>;
}

export interface LoginThrottleOptions {
  redis: Redis;
  /** Prefix of every key, so stacks sharing a Redis (dev, test) keep separate counters. */
  keyPrefix: string;
  logger: Logger;
  limits?: LoginThrottleLimits;
}

function describeWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Counts failed logins per account and per client address in fixed windows that start at the first failure.
 * If Redis is unreachable the throttle fails open (logged): the gateway's rate limit still bounds the traffic,
 * and refusing every login during a cache outage would be the worse failure.
 */
export function createLoginThrottle({
  redis,
  keyPrefix,
  logger,
  limits = loginThrottleLimits,
}: LoginThrottleOptions): LoginThrottle {
  // The email is hashed so Redis holds no addresses.
  const accountKey = (email: string) =>
    `${keyPrefix}account:${createHash('sha256').update(email).digest('hex')}`;
  const clientIpKey = (clientIp: string) => `${keyPrefix}ip:${clientIp}`;

  const failOpen = (step: string, error: unknown) =>
    logger.warn('login throttle unavailable: attempt not throttled', {
      step,
      error: (error as Error).message,
    });

  const counters = ({ email, clientIp }: LoginAttempt) => [
    { key: accountKey(email), limit: limits.failuresPerAccount },
    ...(clientIp ? [{ key: clientIpKey(clientIp), limit: limits.failuresPerClientIp }] : []),
  ];

  return {
    async assertAllowed(attempt) {
      let retryAfterSeconds = 0;
      try {
        for (const { key, limit } of counters(attempt)) {
          const [failures, ttlMs] = await Promise.all([redis.get(key), redis.pttl(key)]);
          if (Number(failures) >= limit)
            retryAfterSeconds = Math.max(
              retryAfterSeconds,
              Math.ceil(Math.max(ttlMs, 1000) / 1000),
            );
        }
      } catch (error) {
        failOpen('check', error);
        return;
      }
      if (retryAfterSeconds > 0) {
        logger.warn('login throttled', { clientIp: attempt.clientIp, retryAfterSeconds });
        throw new DomainError(
          'RATE_LIMITED',
          `too many failed logins: try again in ${describeWait(retryAfterSeconds)}`,
          {
            retryAfterSeconds,
          },
        );
      }
    },

    async recordFailure(attempt) {
      const transaction = redis.multi();
      for (const { key } of counters(attempt)) {
        // SET NX starts the window with its expiry; INCR keeps it. Works on Redis 6 (no EXPIRE NX needed).
        transaction.set(key, 0, 'EX', limits.windowSeconds, 'NX').incr(key);
      }
      await transaction.exec().catch((error: unknown) => failOpen('record failure', error));
    },

    async recordSuccess({ email }) {
      await redis
        .del(accountKey(email))
        .catch((error: unknown) => failOpen('record success', error));
    },
  };
}
