import {
  accessTokenLifetimeSeconds,
  defaultPorts,
  minimumSharedSecretLength,
} from '@food/contracts';
import { logFormatSetting, logLevelSetting } from '@food/service-kit/settings';
import { trustedProxiesSetting } from '@food/service-kit/trusted-proxies';
import { z } from 'zod';

const missingSecret =
  'is required: `npm start` generates it into .local/secrets.env and passes it on; elsewhere set it from your secret store';

// Server-side settings of the web app; the only reader of process.env here.
export const envSchema = z.object({
  GATEWAY_URL: z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${defaultPorts.gateway}`),
  /** Encrypts the session cookie (which holds the user's tokens). */
  NEXTAUTH_SECRET: z
    .string({ error: (issue) => (issue.input === undefined ? missingSecret : undefined) })
    .min(32, 'must be at least 32 characters'),
  /**
   * Sent to the gateway with every call, so that it believes the X-Forwarded-For this app writes (the address of the
   * browser's socket, server.mjs). The gateway's PROXY_SECRET.
   */
  PROXY_SECRET: z
    .string({ error: (issue) => (issue.input === undefined ? missingSecret : undefined) })
    .min(minimumSharedSecretLength, `must be at least ${minimumSharedSecretLength} characters`),
  /**
   * The web app's public URL: https makes the session cookie `Secure` and adds HSTS; its origin is the only one whose
   * state-changing API calls are accepted. next-auth itself falls back to this default.
   */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).default(`http://localhost:${defaultPorts.web}`),
  /** Where every web instance remembers refresh rotations (so no instance needs sticky sessions). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /**
   * Refresh the access token when it has less than this many seconds left. Tests set it just under the token's
   * lifetime (e.g. 899) so that every request refreshes, which proves refresh without waiting 15 minutes.
   */
  WEB_ACCESS_TOKEN_REFRESH_MARGIN_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(accessTokenLifetimeSeconds)
    .default(60),
  LOG_LEVEL: logLevelSetting,
  LOG_FORMAT: logFormatSetting,
  /**
   * The balancer or ingress in front of web (addresses, CIDR ranges): only from them is X-Forwarded-For believed.
   * Read by server.mjs, which parses it with the same setting; here so that a deployment's value is checked too.
   */
  WEB_TRUSTED_PROXIES: trustedProxiesSetting,
});

export type WebEnv = z.infer<typeof envSchema>;

/** `next dev` (Next.js sets NODE_ENV, and inlines it at build). */
export const isDevelopment = process.env.NODE_ENV === 'development';

function loadEnv(): WebEnv {
  const result = envSchema.safeParse(process.env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid configuration of the web app:\n${lines.join('\n')}`);
}

let parsed: WebEnv | undefined;

/**
 * The parsed settings, read on first use rather than at import: `next build` loads every route module without the
 * run-time secrets, and nothing is signed or sent at build time.
 */
export const env = Object.defineProperties(
  {},
  Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [
      key,
      { enumerable: true, get: () => (parsed ??= loadEnv())[key as keyof WebEnv] },
    ]),
  ),
) as Readonly<WebEnv>;
