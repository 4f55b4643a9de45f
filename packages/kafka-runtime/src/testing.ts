// What the event-driven services' tests share (`@food/kafka-runtime/testing`).
import { fileURLToPath } from 'node:url';
import type { AuthenticatedUser } from '@food/contracts';
import type { Logger, ServiceContext } from '@food/service-kit';
import { startRouterTest } from '@food/service-kit/testing';
import { runtimeMigrationsDir } from './runtime-migrations.js';

export interface EventDrivenRouterTestOptions<Service extends string, Caller, Database, Extra> {
  service: Service;
  label: string;
  /** `createCallerFactory(<the service's router>)`. */
  createCaller(context: ServiceContext): Caller;
  /** The service's database client (its db.ts). */
  createDatabase(url: string, logger: Logger, poolSize: number): Database;
  /** The test's `import.meta.url`: the service's migrations are in `../../prisma/migrations` from its testing/ folder. */
  harnessUrl: string;
  /** What the procedures work with besides db and clock (notification's live feed), and how to close it. */
  open?(database: { url: string; logger: Logger }): Promise<{ extra: Extra; close(): Promise<void> }>;
}

/**
 * An event-driven service's router on a database of the test's own, migrated as the service's migrate command
 * does (its migrations and the runtime's): `as(user)` calls the service's procedures (null: anonymous).
 */
export async function startEventDrivenRouterTest<
  Service extends string,
  Caller extends Record<Service, unknown>,
  Database extends { $disconnect(): Promise<void> },
  Extra extends object = object,
>(options: EventDrivenRouterTestOptions<Service, Caller, Database, Extra>) {
  const test = await startRouterTest({
    label: `${options.service}_test_${options.label}`,
    createCaller: options.createCaller,
    migrationsDirs: [fileURLToPath(new URL('../../prisma/migrations', options.harnessUrl)), runtimeMigrationsDir],
    open: async ({ url, logger, clock }) => {
      const db = options.createDatabase(url, logger, 4);
      const added = await options.open?.({ url, logger });
      const close = async () => {
        await added?.close();
        await db.$disconnect();
      };
      return { dependencies: { db, clock, ...(added?.extra as Extra) }, close };
    },
  });
  return {
    db: test.dependencies.db,
    clock: test.clock,
    as: (user: AuthenticatedUser | null): Caller[Service] => test.caller(user)[options.service],
    close: test.close,
  };
}
