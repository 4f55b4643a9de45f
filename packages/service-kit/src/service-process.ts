import type http from 'node:http';
import { listenHttpServer, type RunningHttpServer } from './http-listen.js';
import type { Logger } from './logger.js';
import { requireGatewaySecret } from './service-settings.js';
import { handleShutdownSignals } from './shutdown.js';
import { startTracing } from './tracing.js';

/** The settings every process's life needs (service-settings.ts, processSettings). */
export interface ProcessEnv {
  PORT: number;
  HOST: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  TRACING_EXPORT_DELAY_MS: number;
  GATEWAY_SECRET?: string | undefined;
}

/** What each step of a process's start gets: the shared secret, and where to register how to close what it opened. */
export interface ProcessLife {
  gatewaySecret: string;
  onShutdown(name: string, close: () => Promise<void> | void): void;
}

export interface ServiceProcessOptions<Dependencies> {
  service: string;
  env: ProcessEnv;
  logger: Logger;
  /** Opens what the process works with (database, Redis, keys, provider), registering how to close each. */
  open(life: ProcessLife): Promise<Dependencies> | Dependencies;
  /** Its HTTP server, not yet listening: a service's tRPC server (createTrpcServiceServer), or the gateway. */
  http(dependencies: Dependencies, life: ProcessLife): http.Server;
  /** What it runs beside HTTP (consumers, relays, purges), started once HTTP answers. */
  background?(dependencies: Dependencies, life: ProcessLife): Promise<unknown> | unknown;
}

/**
 * The life of every process of the platform (auth, order, payment, notification, gateway): the gateway secret
 * (exit 78 without it), tracing, its dependencies, its HTTP server, then its background work. HTTP answers first (a
 * restarted service takes orders while its consumers rejoin their groups: what it writes waits in the outbox). On
 * SIGTERM the closers run in reverse: background work stops, HTTP closes, then the dependencies and tracing.
 */
export async function startServiceProcess<Dependencies>(
  options: ServiceProcessOptions<Dependencies>,
): Promise<RunningHttpServer> {
  const { env, logger } = options;
  const gatewaySecret = requireGatewaySecret(env.GATEWAY_SECRET, logger);
  const shutdown = handleShutdownSignals(logger);
  const life: ProcessLife = { gatewaySecret, onShutdown: shutdown.onShutdown };
  const tracing = startTracing(options.service, {
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    exportDelayMs: env.TRACING_EXPORT_DELAY_MS,
  });
  life.onShutdown('tracing', tracing.shutdown);
  const dependencies = await options.open(life);
  const http = await listenHttpServer(options.http(dependencies, life), env.PORT, env.HOST);
  life.onShutdown('http server', () => http.close());
  logger.info('listening', { url: http.url });
  await options.background?.(dependencies, life);
  logger.info('started');
  return http;
}
