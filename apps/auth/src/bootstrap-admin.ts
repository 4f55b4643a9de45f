import { redactUrl } from '@food/service-kit';
import { ensureBootstrapAdmin } from './configured-users.js';
import { createDatabase } from './db.js';
import { loadToolEnv } from './env.js';
import { logger } from './logger.js';

// `npm run bootstrap-admin -w @food/auth`: the same idempotent step the service runs at start, for an operator.
const env = loadToolEnv();
if (!env.BOOTSTRAP_ADMIN_EMAIL) {
  process.stderr.write(
    'Set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD (and DATABASE_URL) to create or promote the admin.\n',
  );
  process.exit(78);
}

const db = createDatabase(env.DATABASE_URL, logger);
try {
  const outcome = await ensureBootstrapAdmin(db, env, logger);
  process.stdout.write(`admin ${env.BOOTSTRAP_ADMIN_EMAIL}: ${outcome}\n`);
} catch (error) {
  logger.error('bootstrap admin failed', { database: redactUrl(env.DATABASE_URL), error });
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
