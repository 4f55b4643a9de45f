import type { Logger } from '@food/service-kit';
import type { Database } from './db.js';
import type { ToolEnv } from './env.js';
import { ensureUserWithRole } from './users/ensure-user-with-role.js';

type ConfiguredUserSettings = Pick<
  ToolEnv,
  | 'BOOTSTRAP_ADMIN_EMAIL'
  | 'BOOTSTRAP_ADMIN_PASSWORD'
  | 'DEMO_CUSTOMER_EMAIL'
  | 'DEMO_CUSTOMER_PASSWORD'
>;

/** The bootstrap admin (created as ADMIN, or an existing account promoted), when configured. */
export async function ensureBootstrapAdmin(
  db: Database,
  settings: ConfiguredUserSettings,
  logger: Logger,
) {
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = settings;
  if (!email || !password) return null;
  const outcome = await ensureUserWithRole(db, {
    email,
    password,
    name: 'Administrator',
    role: 'ADMIN',
  });
  logger.info('bootstrap admin ensured', { outcome });
  return outcome;
}

/** The local demo customer, when configured; an existing account is left exactly as it is. */
export async function ensureDemoCustomer(
  db: Database,
  settings: ConfiguredUserSettings,
  logger: Logger,
) {
  const { DEMO_CUSTOMER_EMAIL: email, DEMO_CUSTOMER_PASSWORD: password } = settings;
  if (!email || !password) return null;
  const outcome = await ensureUserWithRole(db, {
    email,
    password,
    name: 'Demo Customer',
    role: 'CUSTOMER',
  });
  logger.info('demo customer ensured', { outcome });
  return outcome;
}
