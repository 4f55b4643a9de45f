import { runMigrationCommand } from '@food/service-kit';
import { loadToolEnv } from './env.js';
import { logger } from './logger.js';

await runMigrationCommand(loadToolEnv().DATABASE_URL, import.meta.url, logger);
