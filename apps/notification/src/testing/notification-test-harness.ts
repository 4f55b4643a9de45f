// Test support (excluded from the build): the notification router on a database of its own, called through createCaller.
import { fileURLToPath } from 'node:url';
import type { AuthenticatedUser } from '@food/contracts';
import { createCallerFactory, createLogger, innerContext } from '@food/service-kit';
import { createTestDatabase, settableClock, testPostgresServerUrl } from '@food/service-kit/testing';
import { createDatabase } from '../db.js';
import { NotificationFeed } from '../feed/notification-feed.js';
import { notificationRouter } from '../router/index.js';
import type { NotificationDependencies } from '../trpc.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const createCaller = createCallerFactory(notificationRouter);

export async function startNotificationRouterTest(label: string) {
  // eslint-disable-next-line no-restricted-properties -- the test server comes from the test stack's environment
  const database = await createTestDatabase({ serverUrl: testPostgresServerUrl(process.env), label: `notification_test_${label}`, migrationsDir });
  const logger = createLogger('notification-test', { level: 'error', write: () => undefined });
  const db = createDatabase(database.url, logger, 4);
  const clock = settableClock();
  const feed = new NotificationFeed(database.url, logger);
  await feed.start();
  const dependencies: NotificationDependencies = { db, clock, feed };
  return {
    db,
    clock,
    /** The notification procedures as `user` (null: anonymous). */
    as: (user: AuthenticatedUser | null) => createCaller(innerContext(dependencies, user, logger)).notification,
    async close() {
      await feed.stop();
      await db.$disconnect();
      await database.drop();
    },
  };
}
