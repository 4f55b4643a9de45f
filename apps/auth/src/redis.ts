import type { Logger } from '@food/service-kit';
import { Redis } from 'ioredis';

/**
 * The Redis connection of the login throttle. While Redis is unreachable, commands fail at once instead of
 * queueing (no offline queue, short timeout), so logins go on without the throttle rather than waiting for Redis.
 */
export function createRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  let reachable = true;
  redis.on('error', (error: Error) => {
    // Reconnection fails every few seconds during an outage: say so once, not on every attempt.
    if (!reachable) return;
    reachable = false;
    logger.warn('redis unreachable: login throttling is off until it is back', {
      error: error.message,
    });
  });
  redis.on('ready', () => {
    if (!reachable) logger.info('redis reachable again: login throttling is on');
    reachable = true;
  });
  return redis;
}

/** Waits for the connection, up to `timeoutMs`; false when Redis did not answer in time (the service starts anyway). */
export async function waitForRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
