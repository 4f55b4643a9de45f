import { trustHeaders } from '@food/contracts';
import type { AnyRouter } from '@trpc/server';
import type { AdmissionLimits } from './admission-gate.js';
import type { RunningHttpServer } from './http-listen.js';
import { createLogger } from './logger.js';
import type { ServiceContext } from './service-trpc.js';
import { startTrpcHttpServer } from './trpc-http-server.js';

/** The gateway's shared secret every fixture server takes (it only ever listens on a test's loopback port). */
export const fixtureGatewaySecret = 'fixture-server-gateway-secret-0123456789';

/** The headers of a call as the gateway forwards it to a fixture server. */
export const fixtureGatewayHeaders = {
  [trustHeaders.gatewaySecret]: fixtureGatewaySecret,
  'content-type': 'application/json',
};

/**
 * A test's fixture router on a real service server (service-kit's, with its admission gate and overload answers)
 * on a free port, every caller anonymous: for tests of what the HTTP side does under load.
 */
export function startFixtureServer(router: AnyRouter, admission: AdmissionLimits): Promise<RunningHttpServer> {
  const logger = createLogger('fixture-server', { level: 'error', write: () => undefined });
  return startTrpcHttpServer({
    router,
    createContext: async ({ correlationId }): Promise<ServiceContext> => ({ correlationId, user: null, authError: null, logger }),
    port: 0,
    logger,
    gatewaySecret: fixtureGatewaySecret,
    admission,
  });
}
