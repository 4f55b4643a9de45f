import type { AuthenticatedUser } from '@food/contracts';
import type { Clock } from './clock.js';
import { innerContext } from './inner-context.js';
import { createLogger, type Logger } from './logger.js';
import { settableClock } from './router-test-support.js';
import type { ServiceContext } from './service-trpc.js';
import { createTestDatabase, testPostgresServerUrl } from './test-database.js';

export interface RouterTestOptions<Caller, Dependencies extends object> {
  /** Names the test's database (`<label>_<random>`) and its logger. */
  label: string;
  /** `createCallerFactory(<the service's router>)`. */
  createCaller(context: ServiceContext): Caller;
  /** The service's migrations, with the runtime's for an event-driven service. */
  migrationsDirs: readonly string[];
  /** Opens what the procedures work with on the test's database; `close` ends it before the database is dropped. */
  open(database: { url: string; logger: Logger; clock: Clock }): Promise<RouterTestDependencies<Dependencies>>;
}

export interface RouterTestDependencies<Dependencies> {
  dependencies: Dependencies;
  close(): Promise<void>;
}

/**
 * A service's router on a migrated database of the test's own, called through `createCaller` with the inner
 * context its HTTP server would build: `caller(user)` calls as that user (null: anonymous).
 */
export async function startRouterTest<Caller, Dependencies extends object>(
  options: RouterTestOptions<Caller, Dependencies>,
) {
  const database = await createTestDatabase({
    // eslint-disable-next-line no-restricted-properties -- the test server comes from the test stack's environment
    serverUrl: testPostgresServerUrl(process.env),
    label: options.label,
    migrationsDirs: options.migrationsDirs,
  });
  const logger = createLogger(options.label, { level: 'error', write: () => undefined });
  const clock = settableClock();
  const opened = await options.open({ url: database.url, logger, clock });
  return {
    clock,
    dependencies: opened.dependencies,
    databaseUrl: database.url,
    caller: (user: AuthenticatedUser | null) => options.createCaller(innerContext(opened.dependencies, user, logger)),
    async close() {
      await opened.close();
      await database.drop();
    },
  };
}
