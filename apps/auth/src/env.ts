import { loadConfigOrExit, retentionHours, retentionPurgeIntervalSetting, serviceSettings } from '@food/service-kit';
import { z } from 'zod';
import { emailAddress } from './domain/email-address.js';
import { newPassword } from './domain/password-rules.js';
import { loginThrottleLimits } from './login-throttle.js';

const missingKeyMessage =
  'is not set: `npm start` generates it into .local/secrets.env; elsewhere set it from your secret store';

function pemBase64(label: 'PRIVATE KEY' | 'PUBLIC KEY', missingMessage: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? missingMessage : undefined) })
    .transform((value, ctx) => {
      const pem = Buffer.from(value, 'base64').toString('utf8');
      if (!pem.includes(`-----BEGIN ${label}-----`)) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: `must be a base64-encoded PEM (${label})`,
        });
        return z.NEVER;
      }
      return pem;
    });
}

const previousPublicKeys = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'must be JSON: [{"kid": "...", "pem": "<base64 SPKI PEM>"}]',
      });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.object({ kid: z.string().min(1), pem: pemBase64('PUBLIC KEY', 'is required') })))
  .default([]);

const positiveInteger = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Optional accounts ensured at start (and by `npm run bootstrap-admin`): created if missing, never re-passworded. */
const configuredUserSettings = {
  BOOTSTRAP_ADMIN_EMAIL: emailAddress.optional(),
  BOOTSTRAP_ADMIN_PASSWORD: newPassword.optional(),
  DEMO_CUSTOMER_EMAIL: emailAddress.optional(),
  DEMO_CUSTOMER_PASSWORD: newPassword.optional(),
};

const settingPairs = [
  ['BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD'],
  ['DEMO_CUSTOMER_EMAIL', 'DEMO_CUSTOMER_PASSWORD'],
] as const;

function bothOrNeither(
  settings: Partial<Record<keyof typeof configuredUserSettings, string>>,
  ctx: z.RefinementCtx,
) {
  for (const [email, password] of settingPairs) {
    const [given, missing] =
      settings[email] && !settings[password] ? [email, password] : [password, email];
    if (settings[given] && !settings[missing]) {
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `is required when ${given} is set`,
      });
    }
  }
}

/** What migrate and bootstrap-admin need: no signing keys. */
export const toolEnvSchema = serviceSettings('auth')
  .extend(configuredUserSettings)
  .superRefine(bothOrNeither);

export const envSchema = serviceSettings('auth')
  .extend({
    ...configuredUserSettings,
    JWT_PRIVATE_KEY_PEM_BASE64: pemBase64('PRIVATE KEY', missingKeyMessage),
    JWT_PUBLIC_KEY_PEM_BASE64: pemBase64('PUBLIC KEY', missingKeyMessage),
    JWT_KEY_ID: z
      .string({ error: (issue) => (issue.input === undefined ? missingKeyMessage : undefined) })
      .regex(/^[\w.:-]{1,128}$/, 'must be 1 to 128 letters, digits or . _ : -'),
    /** Public keys of earlier signing keys, published until the tokens they signed have expired (15 minutes). */
    JWT_PREVIOUS_PUBLIC_KEYS_JSON: previousPublicKeys,
    /** Stacks sharing one Redis (dev and test) need their own, or they share failure counters. */
    LOGIN_THROTTLE_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]*$/, 'must be letters, digits or _ : . -')
      .default('auth:login-throttle:'),
    LOGIN_FAILURES_PER_ACCOUNT: positiveInteger(loginThrottleLimits.failuresPerAccount),
    LOGIN_FAILURES_PER_CLIENT_IP: positiveInteger(loginThrottleLimits.failuresPerClientIp),
    LOGIN_FAILURE_WINDOW_SECONDS: positiveInteger(loginThrottleLimits.windowSeconds),
    /**
     * A rotated refresh token presented again within this many seconds, while its successor never was, gets new
     * tokens instead of ending the sign-in as reuse: the answer that carried the successor was lost (a gateway or
     * web instance died mid-call). 0 turns it off.
     */
    REFRESH_TOKEN_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(30),
    /** How long the refresh tokens of an ended sign-in (revoked or expired) are kept before they are purged. */
    REFRESH_TOKEN_RETENTION_HOURS: retentionHours(168),
    RETENTION_PURGE_INTERVAL_SECONDS: retentionPurgeIntervalSetting,
  })
  .superRefine(bothOrNeither);

export type AuthEnv = z.infer<typeof envSchema>;
export type ToolEnv = z.infer<typeof toolEnvSchema>;

/** The service's settings; exits with a message naming each bad variable. */
export function loadEnv(): AuthEnv {
  return loadConfigOrExit(envSchema, process.env);
}

/** The settings of the command-line tools (migrate, bootstrap-admin), which need no signing keys. */
export function loadToolEnv(): ToolEnv {
  return loadConfigOrExit(toolEnvSchema, process.env);
}
