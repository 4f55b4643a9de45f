import type { AnyRouter } from '@trpc/server';
import { createAccessTokenVerifier } from './access-token.js';
import { admissionLimitsOf, type AdmissionEnv } from './admission-settings.js';
import type { Logger } from './logger.js';
import { createRequestContext } from './request-context.js';
import type { ServiceContext } from './service-trpc.js';
import { requireGatewaySecret } from './service-settings.js';
import { handleShutdownSignals } from './shutdown.js';
import { startTracing } from './tracing.js';
import { startTrpcHttpServer } from './trpc-http-server.js';

export interface ServiceProcessOptions {
  service: string;
  env: AdmissionEnv & {
    PORT: number;
    HOST: string;
    AUTH_JWKS_URL: string;
    OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
    TRACING_EXPORT_DELAY_MS: number;
    GATEWAY_SECRET?: string | undefined;
  };
  logger: Logger;
  router: AnyRouter;
  database: { $disconnect(): Promise<void> };
  /** Starts what the service runs beside HTTP (its Kafka side), registering how to stop it. */
  startBackground?: (onShutdown: (name: string, close: () => Promise<void>) => void) => Promise<unknown>;
}

/**
 * The life of a service process: tracing, its tRPC server, then its background work. HTTP answers at once (a
 * restarted service takes orders while its consumers rejoin their groups: what it writes waits in the outbox).
 * On SIGTERM the closers run in reverse: consumers stop, the relay flushes, then HTTP closes and the database.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<void> {
  const { env, logger } = options;
  const gatewaySecret = requireGatewaySecret(env.GATEWAY_SECRET, logger);
  const shutdown = handleShutdownSignals(logger);
  const tracing = startTracing(options.service, {
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    exportDelayMs: env.TRACING_EXPORT_DELAY_MS,
  });
  shutdown.onShutdown('tracing', tracing.shutdown);
  shutdown.onShutdown('database', () => options.database.$disconnect());
  const verifyAccessToken = createAccessTokenVerifier(env.AUTH_JWKS_URL);
  const http = await startTrpcHttpServer({
    router: options.router,
    createContext: ({ req, correlationId }): Promise<ServiceContext> =>
      createRequestContext(req, correlationId, verifyAccessToken, logger),
    port: env.PORT,
    host: env.HOST,
    logger,
    gatewaySecret,
    admission: admissionLimitsOf(env),
  });
  shutdown.onShutdown('http server', () => http.close());
  logger.info('listening', { url: http.url });
  await options.startBackground?.(shutdown.onShutdown);
  logger.info('started');
}
