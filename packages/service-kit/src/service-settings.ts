import { databaseNames, defaultPorts, jwksPath, type ServiceName } from '@food/contracts';
import { z } from 'zod';
import { admissionSettings, databasePoolSizeSetting } from './admission-settings.js';
import type { Logger } from './logger.js';
import { logLevelSetting, portSetting } from './parse-env.js';
import { sharedSecretSetting } from './shared-secret.js';

/** Tracing is on when an OTLP/HTTP endpoint is set (for example http://collector:4318), off at no cost otherwise. */
export const tracingSettings = {
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  TRACING_EXPORT_DELAY_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
};

/** The settings every service has, with defaults that work on a developer machine; env.ts extends them. */
export function serviceSettings(service: ServiceName) {
  return z.object({
    PORT: portSetting(defaultPorts[service]),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .default(`postgresql://postgres@127.0.0.1:5432/${databaseNames[service]}`),
    DATABASE_POOL_SIZE: databasePoolSizeSetting,
    ...admissionSettings,
    LOG_LEVEL: logLevelSetting,
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
    /**
     * Proves a call came through the gateway (docs/gateway.md, "Trust boundaries"). Optional here only because
     * migrate parses the same schema: a service refuses to start without it (requireGatewaySecret).
     */
    GATEWAY_SECRET: sharedSecretSetting,
    ...tracingSettings,
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
