import { fileURLToPath } from 'node:url';

/**
 * The folder of the runtime's own migrations (its tables in each service's database after the first migration),
 * which every event-driven service applies with its own. Found from this module, so it holds from src and dist.
 */
export const runtimeMigrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
