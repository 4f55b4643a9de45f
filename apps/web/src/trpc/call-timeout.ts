import { TRPCClientError } from '@trpc/client';

/** How long the browser waits for any call before giving up on it and saying so (a hung request shows a retry). */
export const callTimeoutSeconds = 15;

type Fetch = typeof fetch;

/** fetch that gives up after the timeout as well as when the caller aborts (a page left, a query cancelled). */
export function fetchWithTimeout(timeoutMs = callTimeoutSeconds * 1000): Fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

/** The call was given up because no answer came in time (not because the caller cancelled it). */
export function isCallTimeout(error: unknown): boolean {
  const cause = error instanceof TRPCClientError ? (error.cause as unknown) : error;
  return cause instanceof DOMException && cause.name === 'TimeoutError';
}
