import { databaseNames, defaultPorts, jwksPath, type ServiceName } from '@food/contracts';
import { z } from 'zod';
import { admissionSettings, databasePoolSizeSetting } from './admission-settings.js';
import { createLogger, type Logger, type LogFormat, type LogLevel } from './logger.js';
import { logFormatSetting, logLevelSetting, portSetting } from './parse-env.js';
import { sharedSecretSetting } from './shared-secret.js';

/** Tracing is on when an OTLP/HTTP endpoint is set (for example http://collector:4318), off at no cost otherwise. */
export const tracingSettings = {
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  TRACING_EXPORT_DELAY_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
};

/**
 * What every process reads, the gateway's too: where it listens, how it logs (LOG_FORMAT: `pretty` when standard
 * output is a terminal, `json` otherwise), tracing, and the gateway secret.
 */
export function processSettings(process: keyof typeof defaultPorts) {
  return {
    PORT: portSetting(defaultPorts[process]),
    HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: logLevelSetting,
    LOG_FORMAT: logFormatSetting,
    /**
     * Proves a call came through the gateway (docs/gateway.md, "Trust boundaries"). Optional here only because
     * tools (migrate) parse the same schema: a process refuses to start without it (requireGatewaySecret).
     */
    GATEWAY_SECRET: sharedSecretSetting,
    ...tracingSettings,
  };
}

/** The process's logger, at its LOG_LEVEL and in its LOG_FORMAT. */
export function createProcessLogger(process: string, env: { LOG_LEVEL: LogLevel; LOG_FORMAT: LogFormat }): Logger {
  return createLogger(process, { level: env.LOG_LEVEL, format: env.LOG_FORMAT });
}

/** The settings every service has, with defaults that work on a developer machine; env.ts extends them. */
export function serviceSettings(service: ServiceName) {
  return z.object({
    ...processSettings(service),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .default(`postgresql://postgres@127.0.0.1:5432/${databaseNames[service]}`),
    DATABASE_POOL_SIZE: databasePoolSizeSetting,
    ...admissionSettings,
    AUTH_JWKS_URL: z.url().default(`http://127.0.0.1:${defaultPorts.auth}${jwksPath}`),
    KAFKA_BROKERS: z
      .string()
      .default('127.0.0.1:9092')
      .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'host:port')).min(1)),
    /** Prefix of every topic and consumer group (the test stack uses `test`); empty in production. */
    KAFKA_NAMESPACE: z.string().regex(/^[\w-]*$/).default(''),
    /** Partitions one consumer works on at once (docs/performance.md, "Partitions and concurrency"). */
    KAFKA_CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  });
}

/** GATEWAY_SECRET, or the process exits at start with one line naming it (as a schema's required setting would). */
export function requireGatewaySecret(secret: string | undefined, logger: Logger): string {
  if (secret) return secret;
  logger.error(
    'GATEWAY_SECRET is not set: `npm start` generates it into .local/secrets.env; elsewhere set it from your secret store',
  );
  process.exit(78); // EX_CONFIG, as loadConfigOrExit
}
