import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A sliding-window log, atomically in Redis: the key is a sorted set of the admitted requests' times. Entries older
 * than the window are dropped; the request is admitted if its cost still fits under the limit. The clock is
 * Redis's own (TIME), so every gateway instance counts on one clock. Refused requests are not recorded, so a
 * client that keeps hammering is admitted again as soon as its old requests leave the window.
 *
 * Returns { admitted (1|0), remaining, resetMs (until the oldest entry leaves), retryAfterMs (0 when admitted) }.
 */
const slidingWindowScript = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local requestId = ARGV[4]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - windowMs)
local used = redis.call('ZCARD', key)
local function msUntilEntryLeaves(rank)
  local entry = redis.call('ZRANGE', key, rank, rank, 'WITHSCORES')
  if entry[2] == nil then return windowMs end
  return tonumber(entry[2]) + windowMs - now
end
if used + cost <= limit then
  for i = 1, cost do
    redis.call('ZADD', key, now, requestId .. ':' .. i)
  end
  redis.call('PEXPIRE', key, windowMs)
  return { 1, limit - used - cost, msUntilEntryLeaves(0), 0 }
end
local retryAfterMs = windowMs
if cost <= limit then
  retryAfterMs = msUntilEntryLeaves(used + cost - limit - 1)
end
return { 0, limit - used, msUntilEntryLeaves(0), retryAfterMs }
`;
const scriptSha = createHash('sha1').update(slidingWindowScript).digest('hex');

export interface RateLimitDecision {
  admitted: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the oldest counted request leaves the window (when `remaining` next grows). */
  resetSeconds: number;
  /** Seconds until this request would fit; 0 when admitted. */
  retryAfterSeconds: number;
}

export type RateLimitOutcome =
  { kind: 'decided'; decision: RateLimitDecision } | { kind: 'unavailable'; error: Error };

export interface RateLimiter {
  /** Charges `cost` units to `key` under `limit` per window; `unavailable` (never a throw) when Redis cannot answer. */
  consume(key: string, limit: number, cost: number): Promise<RateLimitOutcome>;
}

const toSeconds = (milliseconds: number) => Math.max(1, Math.ceil(milliseconds / 1000));

export function createRedisRateLimiter(
  redis: Redis,
  options: { keyPrefix: string; windowMs: number },
): RateLimiter {
  const run = async (key: string, args: (string | number)[]): Promise<unknown> => {
    try {
      return await redis.evalsha(scriptSha, 1, key, ...args);
    } catch (error) {
      // First use on this Redis (or after a restart): EVAL loads the script, later calls use its hash again.
      if (!(error as Error).message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(slidingWindowScript, 1, key, ...args);
    }
  };
  return {
    async consume(key, limit, cost) {
      try {
        const reply = await run(options.keyPrefix + key, [
          limit,
          options.windowMs,
          cost,
          randomUUID(),
        ]);
        const [admitted, remaining, resetMs, retryAfterMs] = reply as [
          number,
          number,
          number,
          number,
        ];
        return {
          kind: 'decided',
          decision: {
            admitted: admitted === 1,
            limit,
            remaining,
            resetSeconds: toSeconds(resetMs),
            retryAfterSeconds: admitted === 1 ? 0 : toSeconds(retryAfterMs),
          },
        };
      } catch (error) {
        return { kind: 'unavailable', error: error as Error };
      }
    },
  };
}
