import type http from 'node:http';
import type { TrpcCall } from './trpc-call.js';

/** The tRPC error codes the gateway answers with itself, and their JSON-RPC numbers and HTTP statuses (as tRPC's). */
const gatewayErrors = {
  BAD_REQUEST: { jsonRpc: -32600, httpStatus: 400 },
  UNAUTHORIZED: { jsonRpc: -32001, httpStatus: 401 },
  NOT_FOUND: { jsonRpc: -32004, httpStatus: 404 },
  TOO_MANY_REQUESTS: { jsonRpc: -32029, httpStatus: 429 },
  INTERNAL_SERVER_ERROR: { jsonRpc: -32603, httpStatus: 500 },
  BAD_GATEWAY: { jsonRpc: -32603, httpStatus: 502 },
} as const;

export type GatewayErrorCode = keyof typeof gatewayErrors;

/** The body a tRPC client reads as an error: one envelope, or for a batch an array with one per procedure. */
export function trpcErrorBody(code: GatewayErrorCode, message: string, call: TrpcCall) {
  const { jsonRpc, httpStatus } = gatewayErrors[code];
  const envelope = (path: string | undefined) => ({
    error: {
      message,
      code: jsonRpc,
      data: { code, httpStatus, ...(path === undefined ? {} : { path }) },
    },
  });
  return call.isBatch && call.procedures.length > 0
    ? call.procedures.map(envelope)
    : envelope(call.procedures[0]);
}

export function sendTrpcError(
  response: http.ServerResponse,
  code: GatewayErrorCode,
  message: string,
  call: TrpcCall,
  headers: http.OutgoingHttpHeaders = {},
): void {
  response.writeHead(gatewayErrors[code].httpStatus, {
    ...headers,
    'content-type': 'application/json',
  });
  response.end(JSON.stringify(trpcErrorBody(code, message, call)));
}
