import { defaultPorts, jwksPath } from '@food/contracts';
import { loadConfigOrExit, logLevelSetting, portSetting, tracingSettings } from '@food/service-kit';
import { z } from 'zod';

const upstream = (port: number) =>
  z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}`);
const perMinute = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const envSchema = z.object({
  ...tracingSettings,
  PORT: portSetting(defaultPorts.gateway),
  HOST: z.string().default('127.0.0.1'),
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
   * Peers whose X-Forwarded-For is believed (comma list of addresses or CIDR ranges), e.g. the web app's address.
   * Empty by default: a peer on this machine is not trusted unless named.
   */
  TRUSTED_PROXY_ADDRESSES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]))),
  LOG_LEVEL: logLevelSetting,
});

export type GatewayEnv = z.infer<typeof envSchema>;

export const env = loadConfigOrExit(envSchema, process.env);
