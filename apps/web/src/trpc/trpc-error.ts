import { TRPCClientError } from '@trpc/client';
import { callTimeoutSeconds, isCallTimeout } from './call-timeout';

/** The tRPC error code of a failed call (UNAUTHORIZED, NOT_FOUND, …), or undefined for anything else. */
export function trpcCodeOf(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error.data as { code?: unknown } | undefined)?.code as string | undefined;
}

/** Errors the caller caused (bad input, not allowed, not found): trying again cannot help. */
export function isClientError(error: unknown): boolean {
  const status =
    error instanceof TRPCClientError
      ? (error.data as { httpStatus?: unknown } | undefined)?.httpStatus
      : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

/** What a person reads when a call failed: the server's words where they help, and what to do next. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (isCallTimeout(error))
    return `The server did not answer within ${callTimeoutSeconds} seconds. It may be busy: try again.`;
  switch (trpcCodeOf(error)) {
    case 'UNAUTHORIZED':
      return 'Your session has ended. Sign in again to continue.';
    case 'FORBIDDEN':
      return 'Your account is not allowed to do this.';
    case 'NOT_FOUND':
      return 'We could not find this. It may have been removed, or the link is wrong.';
    case 'TOO_MANY_REQUESTS':
      return `Too many requests right now. ${message ? `(${message}) ` : ''}Wait a moment and try again.`;
    case 'BAD_REQUEST':
    case 'CONFLICT':
      return message || 'The request was not accepted.';
    case 'BAD_GATEWAY':
    case 'SERVICE_UNAVAILABLE':
    case 'GATEWAY_TIMEOUT':
      return 'A service is unavailable right now. Try again in a moment.';
    default:
      return error instanceof TypeError
        ? 'We could not reach the server. Check your connection and try again.'
        : 'Something went wrong on our side. Try again in a moment.';
  }
}

/** The call got no answer at all (the connection failed or was cut): the server may or may not have acted on it. */
export function gotNoAnswer(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return error instanceof TRPCClientError && error.data === undefined && !error.shape;
}
