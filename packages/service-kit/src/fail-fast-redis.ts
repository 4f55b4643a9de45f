import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * A Redis client that fails fast instead of waiting, so an outage never holds a request up: no offline queue (a
 * command while disconnected fails at once), no retries of a command, a 1 s connect and a 500 ms command timeout
 * (for a Redis that accepts connections but does not answer). It keeps reconnecting in the background, so what
 * depends on Redis comes back on its own; an outage is logged once when it starts and once when it ends.
 * `whileUnreachable` says what the outage costs ("login throttling is off until it is back").
 */
export function createFailFastRedis(url: string, logger: Logger, whileUnreachable: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let reachable = true;
  redis.on('error', (error: Error) => {
    // Reconnection fails every few seconds during an outage: say so once, not on every attempt.
    if (!reachable) return;
    reachable = false;
    logger.warn(`redis unreachable: ${whileUnreachable}`, { error: error.message });
  });
  redis.on('ready', () => {
    if (!reachable) logger.info('redis reachable again');
    reachable = true;
  });
  return redis;
}
