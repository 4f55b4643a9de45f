import { Redis } from 'ioredis';
import { env } from '../env';
import { serverLog } from '../server-log';
import { sharedRotationMemory, type RotationMemory } from './rotation-memory';

const warningEveryMs = 30_000;
let memory: RotationMemory | undefined;
let lastWarning = 0;

function warnRedisUnavailable(error: unknown) {
  if (Date.now() - lastWarning < warningEveryMs) return;
  lastWarning = Date.now();
  serverLog.warn('redis unavailable: refresh rotations are remembered by this process only', {
    error: (error as Error).message,
  });
}

/** Fails fast (no offline queue, no command retries, short timeouts) and reconnects in the background. */
function createRedis(): Redis {
  const redis = new Redis(env.REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  redis.on('error', warnRedisUnavailable);
  return redis;
}

/**
 * The rotations of every web instance, in Redis, so that no instance refreshes a token another one consumed: two
 * instances behind one address need no sticky sessions. Built on first use: `next build` loads this module with
 * neither the settings nor a Redis.
 */
export const everyInstanceRotations: RotationMemory = {
  recall: (key) => (memory ??= build()).recall(key),
  rotateOnce: (key, rotate) => (memory ??= build()).rotateOnce(key, rotate),
};

function build(): RotationMemory {
  return sharedRotationMemory(createRedis(), {
    secret: env.NEXTAUTH_SECRET,
    onRedisError: warnRedisUnavailable,
  });
}
