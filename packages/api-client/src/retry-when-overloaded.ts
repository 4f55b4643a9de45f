import type { TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import {
  defaultOverloadRetry,
  isSafeToRepeat,
  overloadOf,
  retryDelayMs,
  type OverloadRetryOptions,
} from './overload-retry-policy.js';

/**
 * Sends a call again after a 503 (a service at capacity) or a 429 (the gateway's rate limit), waiting at least what
 * Retry-After says plus a jittered, capped exponential backoff, at most `maxRetries` times, and only when repeating
 * it cannot do its work twice (isSafeToRepeat). Every such answer is reported to `onOverloaded`.
 */
export function retryWhenOverloaded<TRouter extends AnyRouter>(options: OverloadRetryOptions = {}): TRPCLink<TRouter> {
  const maxRetries = options.maxRetries ?? defaultOverloadRetry.maxRetries;
  const backoff = {
    baseDelayMs: options.baseDelayMs ?? defaultOverloadRetry.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? defaultOverloadRetry.maxDelayMs,
  };
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        if (op.type === 'subscription') {
          const subscription = next(op).subscribe(observer);
          return () => subscription.unsubscribe();
        }
        const type = op.type;
        let attempt = 1;
        let subscription: { unsubscribe(): void } | undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const send = () => {
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              const overload = overloadOf(error);
              if (!overload) return observer.error(error);
              const { status, retryAfterMs } = overload;
              const retrying =
                attempt <= maxRetries && isSafeToRepeat(type, op.input) && (retryAfterMs ?? 0) <= backoff.maxDelayMs;
              const retryInMs = retrying ? retryDelayMs(attempt, retryAfterMs, backoff) : null;
              options.onOverloaded?.({ path: op.path, type, status, attempt, retryAfterMs, retryInMs });
              if (retryInMs === null) return observer.error(error);
              attempt += 1;
              timer = setTimeout(send, retryInMs);
            },
          });
        };
        send();
        return () => {
          clearTimeout(timer);
          subscription?.unsubscribe();
        };
      });
}
