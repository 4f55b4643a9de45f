import { defaultPorts, jwksPath } from '@food/contracts';
import { loadConfigOrExit, processSettings, sharedSecretSetting } from '@food/service-kit';
import { z } from 'zod';

const upstream = (port: number) =>
  z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}`);
const perMinute = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const envSchema = z.object({
  ...processSettings('gateway'),
  AUTH_URL: upstream(defaultPorts.auth),
  ORDER_URL: upstream(defaultPorts.order),
  PAYMENT_URL: upstream(defaultPorts.payment),
  NOTIFICATION_URL: upstream(defaultPorts.notification),
  AUTH_JWKS_URL: z
    .url({ protocol: /^https?$/ })
    .default(`http://127.0.0.1:${defaultPorts.auth}${jwksPath}`),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Requests (procedures) per minute for each signed-in user, or each client address when anonymous. */
  RATE_LIMIT_PER_MINUTE: perMinute(300),
  /** auth.login and auth.register calls per minute for each client address. */
  AUTH_RATE_LIMIT_PER_MINUTE: perMinute(20),
  /** Prefix of the rate-limit keys in Redis, so stacks that share one Redis (dev and test) keep apart. */
  RATE_LIMIT_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]*$/)
    .default('gateway:rate-limit:'),
  /**
   * A proxy in front of the gateway (the web app) that sends this in X-Proxy-Secret has its X-Forwarded-For
   * believed. Unset: nobody's is, and every client is its socket's address.
   */
  PROXY_SECRET: sharedSecretSetting,
});

export type GatewayEnv = z.infer<typeof envSchema>;

export const env = loadConfigOrExit(envSchema, process.env);
