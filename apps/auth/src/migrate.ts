import { fileURLToPath } from 'node:url';
import { applyMigrations, redactUrl } from '@food/service-kit';
import { loadToolEnv } from './env.js';
import { logger } from './logger.js';

const env = loadToolEnv();
const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

try {
  const outcome = await applyMigrations(env.DATABASE_URL, migrationsDir);
  logger.info('migrated', { database: redactUrl(env.DATABASE_URL), ...outcome });
} catch (error) {
  logger.error('migration failed', { database: redactUrl(env.DATABASE_URL), error });
  process.exitCode = 1;
}
