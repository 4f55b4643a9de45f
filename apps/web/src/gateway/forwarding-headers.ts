import { trustHeaders } from '@food/contracts';
import { env } from '../env';

/**
 * What every call to the gateway carries for the browser behind it: the address its socket saw, and the secret that
 * makes the gateway believe this app's X-Forwarded-For (and nobody else's).
 */
export function forwardingHeaders(
  clientAddress: string | null | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { [trustHeaders.proxySecret]: env.PROXY_SECRET };
  if (clientAddress) headers['x-forwarded-for'] = clientAddress;
  return headers;
}
