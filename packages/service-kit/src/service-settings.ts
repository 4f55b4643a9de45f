import { databaseNames, defaultPorts, jwksPath, type ServiceName } from '@food/contracts';
import { z } from 'zod';
import { logLevelSetting, portSetting } from './parse-env.js';

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
    LOG_LEVEL: logLevelSetting,
    AUTH_JWKS_URL: z.url().default(`http://127.0.0.1:${defaultPorts.auth}${jwksPath}`),
    KAFKA_BROKERS: z
      .string()
      .default('127.0.0.1:9092')
      .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'host:port')).min(1)),
    /** Prefix of every topic and consumer group (the test stack uses `test`); empty in production. */
    KAFKA_NAMESPACE: z.string().regex(/^[\w-]*$/).default(''),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    ...tracingSettings,
  });
}
