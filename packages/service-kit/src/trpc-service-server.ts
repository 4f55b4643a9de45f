import type { IncomingMessage } from 'node:http';
import type { AnyRouter } from '@trpc/server';
import type { AccessTokenVerifier } from './access-token.js';
import type { AdmissionLimits } from './admission-gate.js';
import type { Logger } from './logger.js';
import { createRequestContext } from './request-context.js';
import type { ServiceContext } from './service-trpc.js';
import { createTrpcHttpServer } from './trpc-http-server.js';

export interface TrpcServiceServerOptions<Dependencies extends object> {
  router: AnyRouter;
  verifyAccessToken: AccessTokenVerifier;
  /** The dependencies each call's procedures get in their context (proceduresWith), given the request. */
  dependencies: (request: IncomingMessage) => Dependencies;
  logger: Logger;
  gatewaySecret: string;
  admission: AdmissionLimits;
  routes?: Parameters<typeof createTrpcHttpServer>[0]['routes'];
}

/**
 * The HTTP server of a tRPC service (not yet listening): each call's context is the verified caller plus the
 * service's dependencies, the same inner context its tests build for `createCaller`.
 */
export function createTrpcServiceServer<Dependencies extends object>(options: TrpcServiceServerOptions<Dependencies>) {
  return createTrpcHttpServer({
    router: options.router,
    createContext: async ({ req, correlationId }): Promise<ServiceContext> => ({
      ...(await createRequestContext(req, correlationId, options.verifyAccessToken, options.logger)),
      dependencies: options.dependencies(req),
    }),
    logger: options.logger,
    gatewaySecret: options.gatewaySecret,
    admission: options.admission,
    routes: options.routes,
  });
}
