import type { Logger } from '@food/service-kit';
import { Redis } from 'ioredis';
import { createThrottledWarning } from './throttled-warning.js';

/**
 * A Redis client that fails fast instead of waiting: no offline queue (a command while disconnected fails at once),
 * no retries of a command, and a short command timeout for a Redis that accepts connections but does not answer.
 * It keeps reconnecting in the background, so rate limiting comes back on its own.
 */
export function createRedisClient(url: string, logger: Logger): Redis {
  const warnUnavailable = createThrottledWarning(logger, 'redis unavailable', 30_000);
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let wasDown = false;
  redis.on('error', (error: Error) => {
    wasDown = true;
    warnUnavailable({ error: error.message });
  });
  redis.on('ready', () => {
    if (wasDown) logger.info('redis reachable again');
    wasDown = false;
  });
  return redis;
}
