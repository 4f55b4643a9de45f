import { startEventDrivenService } from '@food/kafka-runtime';
import { createDatabase } from './db.js';
import { env } from './env.js';
import { paymentHandlers } from './events/handlers.js';
import { logger } from './logger.js';
import { createPaymentProvider } from './provider/index.js';
import { paymentRouter } from './router/index.js';

await startEventDrivenService({
  service: 'payment',
  env,
  logger,
  router: paymentRouter,
  createDatabase,
  handlers: ({ db }) => paymentHandlers(createPaymentProvider(db)),
});
