import { jwksPath } from '@food/contracts';
import { createTrpcServiceServer, type AdmissionLimits } from '@food/service-kit';
import type { AuthService } from './auth-service.js';
import { clientIpOf } from './client-ip.js';
import { authRouter } from './router/index.js';
import { jwksRoute } from './tokens/jwks-route.js';
import type { AuthDependencies } from './trpc.js';

export interface AuthHttpServerOptions {
  /** Proves a call came through the gateway: only such calls are answered, and only their X-Forwarded-For believed. */
  gatewaySecret: string;
  admission: AdmissionLimits;
}

/** The auth router under /trpc and the public keys at the JWKS path (not yet listening). */
export function createAuthHttpServer(service: AuthService, options: AuthHttpServerOptions) {
  return createTrpcServiceServer({
    router: authRouter,
    verifyAccessToken: service.verifyAccessToken,
    dependencies: (request): AuthDependencies => ({ service, clientIp: clientIpOf(request, options.gatewaySecret) }),
    logger: service.logger,
    gatewaySecret: options.gatewaySecret,
    admission: options.admission,
    routes: { [jwksPath]: jwksRoute(service.jwks) },
  });
}
