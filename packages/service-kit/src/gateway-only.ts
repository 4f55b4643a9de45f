import type http from 'node:http';
import { trustHeaders } from '@food/contracts';
import { presentsSecret } from './shared-secret.js';

const healthCall = /^\/trpc\/[a-z]+\.health$/;

/** A call of `<service>.health`: open to whoever reaches the port (orchestrators and the stack scripts probe it). */
export function isHealthCall(pathname: string): boolean {
  return healthCall.test(pathname);
}

/**
 * Whether a service answers this call: it came through the gateway (GATEWAY_SECRET in its header), so the gateway's
 * rate limits were charged, or it only asks for health. A caller on the service's own port gets nothing more.
 */
export function isAdmittedCall(request: http.IncomingMessage, pathname: string, gatewaySecret: string): boolean {
  return isHealthCall(pathname) || presentsSecret(request.headers[trustHeaders.gatewaySecret], gatewaySecret);
}

/** The answer to a call that did not come through the gateway: 403, shaped as tRPC's errors are. */
export function refuseBypass(response: http.ServerResponse): void {
  const body = JSON.stringify({
    error: {
      message: 'this service answers calls through the gateway only',
      code: -32003,
      data: { code: 'FORBIDDEN', httpStatus: 403 },
    },
  });
  response.writeHead(403, { 'content-type': 'application/json' });
  response.end(body);
}
