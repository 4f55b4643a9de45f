import { TRPCClientError } from '@trpc/client';

/** One 503 or 429 answer the client received, and what it did about it. */
export interface OverloadedAnswer {
  /** The procedure path, e.g. `order.create`. */
  path: string;
  type: 'query' | 'mutation';
  status: 503 | 429;
  /** Which attempt was answered (1 = the first call). */
  attempt: number;
  /** What the server's Retry-After asked for, in ms; undefined when it sent none. */
  retryAfterMs: number | undefined;
  /** The wait before the next attempt, or null when the error goes to the caller (not safe to repeat, retries spent, or Retry-After beyond maxDelayMs). */
  retryInMs: number | null;
}

export interface OverloadRetryOptions {
  /** Attempts after the first; 0 turns retrying off (answers are still reported). Default 4. */
  maxRetries?: number;
  /** The first backoff step; each retry doubles it. Default 200 ms. */
  baseDelayMs?: number;
  /** Cap on a backoff step, and the longest Retry-After the client waits for (a longer one is the caller's). Default 10 s. */
  maxDelayMs?: number;
  /** Called for every 503 and 429 answer, retried or not: a load generator counts overload here. */
  onOverloaded?: (answer: OverloadedAnswer) => void;
}

export const defaultOverloadRetry = { maxRetries: 4, baseDelayMs: 200, maxDelayMs: 10_000 } as const;

/**
 * Whether sending the call again cannot do its work twice: a query, or a mutation that carries an idempotency key
 * (the service answers a repeated key with the first result, as `order.create` does).
 */
export function isSafeToRepeat(type: string, input: unknown): boolean {
  if (type === 'query') return true;
  if (type !== 'mutation' || typeof input !== 'object' || input === null) return false;
  const key = (input as { idempotencyKey?: unknown }).idempotencyKey;
  return typeof key === 'string' && key.length > 0;
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value) * 1000;
  if (!/ GMT$/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The status and Retry-After of a 503 or 429 answer; undefined for any other failure. */
export function overloadOf(error: unknown): { status: 503 | 429; retryAfterMs: number | undefined } | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const status = (error.data as { httpStatus?: unknown } | undefined)?.httpStatus;
  if (status !== 503 && status !== 429) return undefined;
  const response = (error.meta as { response?: { headers?: { get?: (name: string) => string | null } } } | undefined)
    ?.response;
  const header = typeof response?.headers?.get === 'function' ? response.headers.get('retry-after') : null;
  return { status, retryAfterMs: parseRetryAfter(header) };
}

/**
 * The wait before retry number `retry` (1-based): at least what Retry-After asked, plus a random part of a step that
 * doubles each retry up to maxDelayMs ("full jitter"), so clients refused together do not come back together.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  options: { baseDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.round((retryAfterMs ?? 0) + random() * step);
}
