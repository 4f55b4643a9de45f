import type { Logger } from '@food/service-kit';
import { createFailFastRedis } from '@food/service-kit/redis';
import type { Redis } from 'ioredis';

/**
 * The rate limiter's Redis: no retries of a command, a 1 s connect and a 500 ms command timeout, so an outage
 * never holds a request up for long; rate limiting comes back on its own once Redis does.
 */
export function createRedisClient(url: string, logger: Logger): Redis {
  return createFailFastRedis(url, logger, {
    connectTimeoutMs: 1_000,
    commandTimeoutMs: 500,
    commandRetries: 0,
    reconnectStepMs: 200,
    whileUnreachable: 'rate limiting is off until it is back',
  });
}
