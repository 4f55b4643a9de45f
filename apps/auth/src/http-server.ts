import { jwksPath } from '@food/contracts';
import { createRequestContext, startTrpcHttpServer, type AdmissionLimits } from '@food/service-kit';
import type { AuthService } from './auth-service.js';
import { clientIpOf } from './client-ip.js';
import { authRouter } from './router/index.js';
import { jwksRoute } from './tokens/jwks-route.js';
import type { AuthContext } from './trpc.js';

export interface AuthHttpServerOptions {
  port: number;
  host?: string;
  /** Proves a call came through the gateway: only such calls are answered, and only their X-Forwarded-For believed. */
  gatewaySecret: string;
  admission: AdmissionLimits;
}

/** The auth router under /trpc and the public keys at the JWKS path. */
export function startAuthHttpServer(service: AuthService, options: AuthHttpServerOptions) {
  return startTrpcHttpServer({
    router: authRouter,
    createContext: async ({ req, correlationId }) => {
      const context: AuthContext = {
        ...(await createRequestContext(
          req,
          correlationId,
          service.verifyAccessToken,
          service.logger,
        )),
        service,
        clientIp: clientIpOf(req, options.gatewaySecret),
      };
      return context;
    },
    port: options.port,
    host: options.host,
    logger: service.logger,
    gatewaySecret: options.gatewaySecret,
    admission: options.admission,
    routes: { [jwksPath]: jwksRoute(service.jwks) },
  });
}
