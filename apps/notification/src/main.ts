import { startEventDrivenService } from '@food/kafka-runtime';
import { systemClock } from '@food/service-kit';
import { createDatabase } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { NotificationFeed } from './feed/notification-feed.js';
import { logger } from './logger.js';
import { notificationRouter } from './router/index.js';
import type { NotificationDependencies } from './trpc.js';

await startEventDrivenService({
  service: 'notification',
  env,
  logger,
  router: notificationRouter,
  open: ({ onShutdown }): NotificationDependencies & { feed: NotificationFeed } => {
    const db = createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
    onShutdown('database', () => db.$disconnect());
    return { db, clock: systemClock, feed: new NotificationFeed(env.DATABASE_URL, logger) };
  },
  handlers: () => handlers,
  beforeConsuming: async ({ feed }, { onShutdown }) => {
    await feed.start();
    onShutdown('live feed', () => feed.stop());
  },
});
