/**
 * The platform's error vocabulary: domain code throws `DomainError` with one of these codes, and one place per
 * transport maps a code to a tRPC code and HTTP status.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INVALID_STATE_TRANSITION',
  'DEAD_LETTER_NOT_REPLAYABLE',
  'UPSTREAM_UNAVAILABLE',
  /** The service cannot take more work right now (its queue is full, or its database has no connection free): retry later. */
  'OVERLOADED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const trpcCodeOf = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INVALID_STATE_TRANSITION: 'CONFLICT',
  DEAD_LETTER_NOT_REPLAYABLE: 'CONFLICT',
  UPSTREAM_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  OVERLOADED: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<ErrorCode, string>;
