import { routeByService, type AppRouter } from '@food/api-client';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { env } from '../env';
import { forwardingHeaders } from './forwarding-headers';

export interface GatewayCaller {
  /** The signed-in user's access token; without it only public procedures answer. */
  accessToken?: string | undefined;
  /** The browser's address, passed on so the gateway's rate limits and auth's login throttle count the right client. */
  clientAddress?: string | null | undefined;
}

export const gatewayTrpcUrl = () => new URL('/trpc', env.GATEWAY_URL).toString();

/** A typed client of the gateway for the web app's server side, acting for one browser request. */
export function createGatewayClient(caller: GatewayCaller = {}) {
  const headers = forwardingHeaders(caller.clientAddress);
  if (caller.accessToken) headers.authorization = `Bearer ${caller.accessToken}`;
  return createTRPCClient<AppRouter>({
    links: [routeByService(() => httpBatchLink({ url: gatewayTrpcUrl(), headers }))],
  });
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;
