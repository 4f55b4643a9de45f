import type { Logger } from '@food/service-kit';
import { createFailFastRedis } from '@food/service-kit/redis';
import type { Redis } from 'ioredis';

/** The rate limiter's Redis; rate limiting comes back on its own once Redis does. */
export function createRedisClient(url: string, logger: Logger): Redis {
  return createFailFastRedis(url, logger, 'rate limiting is off until it is back');
}
