import { deadLetterTopicOf, eventCatalog, replayTopicOf } from '@food/contracts';
import { startServiceEventing } from '@food/kafka-runtime';
import { eventRetentionOf, startServiceProcess } from '@food/service-kit';
import { db } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { notificationFeed } from './feed/index.js';
import { logger } from './logger.js';
import { notificationRouter } from './router/index.js';

await startServiceProcess({
  service: 'notification',
  env,
  logger,
  router: notificationRouter,
  database: db,
  startBackground: async (onShutdown) => {
    await notificationFeed.start();
    onShutdown('live feed', () => notificationFeed.stop());
    await startServiceEventing({
      service: 'notification',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      databaseUrl: env.DATABASE_URL,
      database: db,
      catalog: eventCatalog,
      consume: { handlers, deadLetterTopic: deadLetterTopicOf.notification, replayTopic: replayTopicOf.notification, concurrency: env.KAFKA_CONSUMER_CONCURRENCY },
      retention: eventRetentionOf(env),
      logger,
      onShutdown,
    });
  },
});
