import { startEventDrivenService } from '@food/kafka-runtime';
import { systemClock } from '@food/service-kit';
import { createDatabase } from './db.js';
import { env } from './env.js';
import { paymentHandlers } from './events/handlers.js';
import { logger } from './logger.js';
import { createPaymentProvider } from './provider/index.js';
import { paymentRouter } from './router/index.js';
import type { PaymentDependencies } from './trpc.js';

await startEventDrivenService({
  service: 'payment',
  env,
  logger,
  router: paymentRouter,
  open: ({ onShutdown }): PaymentDependencies => {
    const db = createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
    onShutdown('database', () => db.$disconnect());
    return { db, clock: systemClock };
  },
  handlers: ({ db }) => paymentHandlers(createPaymentProvider(db)),
});
