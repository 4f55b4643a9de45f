import type { IncomingMessage } from 'node:http';
import { trustHeaders } from '@food/contracts';
import { lastForwardedAddress, presentsSecret } from '@food/service-kit';

/**
 * The address a login came from: the X-Forwarded-For entry the gateway wrote, believed only on a call that proves it
 * came through the gateway (GATEWAY_SECRET). Without a usable one the answer is null rather than the gateway's own
 * address, which would put every user behind it into one shared login-failure counter.
 */
export function clientIpOf(request: Pick<IncomingMessage, 'headers'>, gatewaySecret: string): string | null {
  if (!presentsSecret(request.headers[trustHeaders.gatewaySecret], gatewaySecret)) return null;
  return lastForwardedAddress(request.headers['x-forwarded-for']);
}
