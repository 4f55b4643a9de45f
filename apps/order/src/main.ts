import { startEventDrivenService } from '@food/kafka-runtime';
import { createDatabase } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { logger } from './logger.js';
import { orderRouter } from './router/index.js';

await startEventDrivenService({
  service: 'order',
  env,
  logger,
  router: orderRouter,
  createDatabase,
  handlers: () => handlers,
});
