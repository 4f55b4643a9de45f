import type { Logger } from '@food/service-kit';
import { createFailFastRedis } from '@food/service-kit/redis';
import type { Redis } from 'ioredis';

/**
 * The Redis connection of the login throttle. While Redis is unreachable, commands fail at once instead of
 * queueing (no offline queue, short timeout), so logins go on without the throttle rather than waiting for Redis.
 */
export function createRedis(url: string, logger: Logger): Redis {
  return createFailFastRedis(url, logger, 'login throttling is off until it is back');
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
