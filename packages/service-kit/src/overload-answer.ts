import type http from 'node:http';
import { DomainError, trpcCodeOf } from '@food/contracts';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';

export const retryAfterHeader = 'retry-after';

/** The error a procedure's overload becomes (mapped to tRPC's SERVICE_UNAVAILABLE, HTTP 503, by service-trpc). */
export function overloadedError(message: string): DomainError {
  return new DomainError('OVERLOADED', message);
}

export function isOverloadedError(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'OVERLOADED';
}

/**
 * Answers a request the service will not work on with 503 and Retry-After, in the shape the service's own tRPC
 * errors have (service-trpc's errorFormatter), so clients read it like any other error. One envelope serves a batch
 * too: tRPC's batch link gives it to every call of the batch.
 */
export function answerOverloaded(response: http.ServerResponse, retryAfterSeconds: number, message: string): void {
  const code = trpcCodeOf.OVERLOADED;
  const httpStatus = getHTTPStatusCodeFromError(new TRPCError({ code }));
  const body = JSON.stringify({
    error: {
      message,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus, appCode: 'OVERLOADED', validation: null },
    },
  });
  response.writeHead(httpStatus, { 'content-type': 'application/json', [retryAfterHeader]: String(retryAfterSeconds) });
  response.end(body);
}
