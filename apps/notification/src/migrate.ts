import { runMigrationCommand } from '@food/service-kit';
import { env } from './env.js';
import { logger } from './logger.js';

await runMigrationCommand(env.DATABASE_URL, import.meta.url, logger);
