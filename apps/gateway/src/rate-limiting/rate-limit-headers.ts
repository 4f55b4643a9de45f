import type { RateLimitDecision } from './rate-limiter.js';

/** The IETF draft's RateLimit-* fields (draft-ietf-httpapi-ratelimit-headers-07), plus Retry-After when refused. */
export function rateLimitHeaders(
  decision: RateLimitDecision,
  windowSeconds: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    'RateLimit-Policy': `${decision.limit};w=${windowSeconds}`,
  };
  if (!decision.admitted) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
