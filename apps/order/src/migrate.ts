import { runtimeMigrationsDir } from '@food/kafka-runtime';
import { runMigrationCommand } from '@food/service-kit';
import { env } from './env.js';
import { logger } from './logger.js';

// The service's tables are in its own migrations; the Kafka runtime's tables in the runtime's (after the first).
await runMigrationCommand(env.DATABASE_URL, import.meta.url, logger, [runtimeMigrationsDir]);
