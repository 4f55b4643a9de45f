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

/** A user the settings name (email and password), ensured with its role and logged; null when not configured. */
async function ensureConfiguredUser(
  db: Database,
  logger: Logger,
  user: { email: string | undefined; password: string | undefined; name: string; role: 'ADMIN' | 'CUSTOMER' },
  logMessage: string,
) {
  const { email, password } = user;
  if (!email || !password) return null;
  const outcome = await ensureUserWithRole(db, { email, password, name: user.name, role: user.role });
  logger.info(logMessage, { outcome });
  return outcome;
}

/** The bootstrap admin (created as ADMIN, or an existing account promoted), when configured. */
export function ensureBootstrapAdmin(db: Database, settings: ConfiguredUserSettings, logger: Logger) {
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = settings;
  const admin = { email, password, name: 'Administrator', role: 'ADMIN' as const };
  return ensureConfiguredUser(db, logger, admin, 'bootstrap admin ensured');
}

/** The local demo customer, when configured; an existing account is left exactly as it is. */
export function ensureDemoCustomer(db: Database, settings: ConfiguredUserSettings, logger: Logger) {
  const { DEMO_CUSTOMER_EMAIL: email, DEMO_CUSTOMER_PASSWORD: password } = settings;
  const customer = { email, password, name: 'Demo Customer', role: 'CUSTOMER' as const };
  return ensureConfiguredUser(db, logger, customer, 'demo customer ensured');
}
