import { startEventDrivenService } from '@food/kafka-runtime';
import { createDatabase } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { NotificationFeed } from './feed/notification-feed.js';
import { logger } from './logger.js';
import { notificationRouter } from './router/index.js';

await startEventDrivenService({
  service: 'notification',
  env,
  logger,
  router: notificationRouter,
  createDatabase,
  open: () => ({ feed: new NotificationFeed(env.DATABASE_URL, logger) }),
  handlers: () => handlers,
  beforeConsuming: async ({ feed }, { onShutdown }) => {
    await feed.start();
    onShutdown('live feed', () => feed.stop());
  },
});
