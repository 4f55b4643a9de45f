import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export interface FailFastRedisSettings {
  connectTimeoutMs: number;
  /** For a Redis that accepts connections but does not answer. */
  commandTimeoutMs: number;
  /** How often one command is retried over a reconnect (0: it fails with the first error). */
  commandRetries: number;
  /** Reconnection waits this much longer per failed attempt, up to 2 s. */
  reconnectStepMs: number;
  /** What the outage costs, logged once when Redis becomes unreachable ("login throttling is off"). */
  whileUnreachable: string;
}

/**
 * A Redis client that fails fast instead of waiting: no offline queue (a command while disconnected fails at once)
 * and a short command timeout. It keeps reconnecting in the background, so what depends on Redis comes back on its
 * own; an outage is logged once when it starts and once when it ends.
 */
export function createFailFastRedis(
  url: string,
  logger: Logger,
  settings: FailFastRedisSettings,
): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: settings.commandRetries,
    connectTimeout: settings.connectTimeoutMs,
    commandTimeout: settings.commandTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * settings.reconnectStepMs, 2_000),
  });
  let reachable = true;
  redis.on('error', (error: Error) => {
    // Reconnection fails every few seconds during an outage: say so once, not on every attempt.
    if (!reachable) return;
    reachable = false;
    logger.warn(`redis unreachable: ${settings.whileUnreachable}`, { error: error.message });
  });
  redis.on('ready', () => {
    if (!reachable) logger.info('redis reachable again');
    reachable = true;
  });
  return redis;
}
