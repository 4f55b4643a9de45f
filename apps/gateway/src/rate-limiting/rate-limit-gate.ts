import type http from 'node:http';
import type { Logger } from '@food/service-kit';
import type { Redis } from 'ioredis';
import { sendTrpcError } from '../routing/trpc-error-response.js';
import type { TrpcCall } from '../routing/trpc-call.js';
import type { RequestFacts } from '../server/request-facts.js';
import { createThrottledWarning } from './throttled-warning.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import { rateLimitRejectionsTotal } from './rate-limit-metrics.js';
import { rateLimitChargeFor, type RateLimitBudgets } from './rate-limit-policy.js';
import { createRedisRateLimiter } from './rate-limiter.js';

export type RateLimitSettings = RateLimitBudgets & { windowSeconds: number; keyPrefix: string };

/**
 * Charges a request to its budget: sets the rate-limit headers and answers 429 when the budget is spent.
 * Resolves whether the request may go on.
 */
export type RateLimitGate = (
  call: TrpcCall,
  userId: string | undefined,
  facts: RequestFacts,
  response: http.ServerResponse,
) => Promise<boolean>;

export function createRateLimitGate(
  redis: Redis,
  rateLimits: RateLimitSettings,
  logger: Logger,
): RateLimitGate {
  const rateLimiter = createRedisRateLimiter(redis, {
    keyPrefix: rateLimits.keyPrefix,
    windowMs: rateLimits.windowSeconds * 1000,
  });
  // Fail open: the services verify tokens themselves and auth guards logins on its own, so a Redis outage costs
  // rate limiting for a while rather than taking the whole API down with it.
  const warnRateLimitSkipped = createThrottledWarning(
    logger,
    'rate limiting skipped: redis unavailable, requests pass unlimited',
    30_000,
  );

  return async (call, userId, facts, response) => {
    const charge = rateLimitChargeFor(
      { procedures: call.procedures, userId, clientAddress: facts.clientAddress },
      rateLimits,
    );
    facts.rateLimitBudget = charge.budget;
    const outcome = await rateLimiter.consume(charge.key, charge.limit, charge.cost);
    if (outcome.kind === 'unavailable') {
      facts.rateLimit = 'unavailable';
      warnRateLimitSkipped({ error: outcome.error.message });
      return true;
    }
    const { decision } = outcome;
    facts.rateLimit = decision.admitted ? 'admitted' : 'refused';
    facts.rateLimitRemaining = decision.remaining;
    for (const [name, value] of Object.entries(
      rateLimitHeaders(decision, rateLimits.windowSeconds),
    )) {
      response.setHeader(name, value);
    }
    if (decision.admitted) return true;
    rateLimitRejectionsTotal.inc({ budget: charge.budget });
    const message = `rate limit exceeded (${decision.limit} per ${rateLimits.windowSeconds} s); retry in ${decision.retryAfterSeconds} s`;
    sendTrpcError(response, 'TOO_MANY_REQUESTS', message, call);
    return false;
  };
}
