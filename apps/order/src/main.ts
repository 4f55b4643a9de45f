import { startEventDrivenService } from '@food/kafka-runtime';
import { systemClock } from '@food/service-kit';
import { createDatabase } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { logger } from './logger.js';
import { orderRouter } from './router/index.js';
import type { OrderDependencies } from './trpc.js';

await startEventDrivenService({
  service: 'order',
  env,
  logger,
  router: orderRouter,
  open: ({ onShutdown }): OrderDependencies => {
    const db = createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
    onShutdown('database', () => db.$disconnect());
    return { db, clock: systemClock };
  },
  handlers: () => handlers,
});
