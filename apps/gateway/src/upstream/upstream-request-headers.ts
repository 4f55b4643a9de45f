import type http from 'node:http';
import { identityHeaders, trustHeaders, type AuthenticatedUser } from '@food/contracts';
import { correlationIdHeader } from '@food/service-kit';

const hopByHopHeaders = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
]);

/** Headers only the gateway may set: whatever a client sends under these names is dropped. */
const gatewayOwnedHeaders = new Set<string>([
  ...Object.values(identityHeaders),
  ...Object.values(trustHeaders),
  correlationIdHeader,
  'x-forwarded-for',
  'forwarded',
  'x-real-ip',
]);

/**
 * The headers a service receives: the client's (Authorization included, so the service verifies the token again),
 * minus hop-by-hop and gateway-owned ones (the proxy's secret never travels on), plus the gateway's secret, the
 * correlation id, the resolved client address and, when the token was verified here, the caller's identity.
 */
export function upstreamRequestHeaders(
  incoming: http.IncomingHttpHeaders,
  gatewayFacts: {
    correlationId: string;
    clientAddress: string;
    gatewaySecret: string;
    user: AuthenticatedUser | undefined;
  },
): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (!hopByHopHeaders.has(name) && !gatewayOwnedHeaders.has(name)) headers[name] = value;
  }
  headers[trustHeaders.gatewaySecret] = gatewayFacts.gatewaySecret;
  headers[correlationIdHeader] = gatewayFacts.correlationId;
  headers['x-forwarded-for'] = gatewayFacts.clientAddress;
  if (gatewayFacts.user) {
    headers[identityHeaders.userId] = gatewayFacts.user.userId;
    headers[identityHeaders.userRole] = gatewayFacts.user.role;
  }
  return headers;
}
