// Test support (excluded from the build): the payment router on a database of its own, called through createCaller.
import { fileURLToPath } from 'node:url';
import type { AuthenticatedUser } from '@food/contracts';
import { createCallerFactory, createLogger, innerContext } from '@food/service-kit';
import { createTestDatabase, settableClock, testPostgresServerUrl } from '@food/service-kit/testing';
import { createDatabase } from '../db.js';
import { paymentRouter } from '../router/index.js';
import type { PaymentDependencies } from '../trpc.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const createCaller = createCallerFactory(paymentRouter);

export async function startPaymentRouterTest(label: string) {
  // eslint-disable-next-line no-restricted-properties -- the test server comes from the test stack's environment
  const database = await createTestDatabase({ serverUrl: testPostgresServerUrl(process.env), label: `payment_test_${label}`, migrationsDir });
  const logger = createLogger('payment-test', { level: 'error', write: () => undefined });
  const db = createDatabase(database.url, logger, 4);
  const clock = settableClock();
  const dependencies: PaymentDependencies = { db, clock };
  return {
    db,
    clock,
    /** The payment procedures as `user` (null: anonymous). */
    as: (user: AuthenticatedUser | null) => createCaller(innerContext(dependencies, user, logger)).payment,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
