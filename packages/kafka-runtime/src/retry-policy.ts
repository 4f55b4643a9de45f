/** How often a failing handler is tried, and how long to wait between tries. */
export interface RetryPolicy {
  maxAttempts: number;
  backoffMs(attempt: number): number;
}

/** 3 attempts, waiting 200 ms then 800 ms: a poison message holds its partition for about one second. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  backoffMs: (attempt) => 200 * 4 ** (attempt - 1),
};
