import type { OverloadRetryOptions } from './overload-retry-policy.js';

export interface ApiClientOptions {
  /** How 503 and 429 answers are retried and reported (README, "Overload"); on by default, `{ maxRetries: 0 }` turns it off. */
  overloadRetry?: OverloadRetryOptions;
}
