import type { z } from 'zod';
import {
  envSchema as authSettings,
  toolEnvSchema as authToolSettings,
} from '../../apps/auth/src/env.js';
// These env modules also parse process.env when imported, as their services do at start; nothing in a test run
// sets their variables, so that parse meets the defaults only.
import { envSchema as gatewaySettings } from '../../apps/gateway/src/env.js';
import { envSchema as notificationSettings } from '../../apps/notification/src/env.js';
import { envSchema as orderSettings } from '../../apps/order/src/env.js';
import { envSchema as paymentSettings } from '../../apps/payment/src/env.js';
import { envSchema as webSettings } from '../../apps/web/src/env.js';

export interface AppSettings {
  /** What `node dist/main.js` (or `next start`) parses. */
  server: z.ZodObject;
  /** What `node dist/migrate.js` parses, for the apps that have one. */
  migrate?: z.ZodObject;
  /** Variables read by something other than the app's schema. */
  readElsewhere?: readonly string[];
}

/** Each app under apps/ and the settings schemas its own src/env.ts exports: the one source of what it reads. */
export const appSettings: Readonly<Record<string, AppSettings>> = {
  auth: { server: authSettings, migrate: authToolSettings },
  order: { server: orderSettings, migrate: orderSettings },
  payment: { server: paymentSettings, migrate: paymentSettings },
  notification: { server: notificationSettings, migrate: notificationSettings },
  gateway: { server: gatewaySettings },
  web: { server: webSettings, readElsewhere: ['PORT'] /* next start */ },
};

/** Settings without a default that are not optional: the app refuses to start without them. */
export function requiredSettings(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}
