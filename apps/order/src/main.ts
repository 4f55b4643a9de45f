import { deadLetterTopicOf, eventCatalog, replayTopicOf } from '@food/contracts';
import { startServiceEventing } from '@food/kafka-runtime';
import { eventRetentionOf, startServiceProcess } from '@food/service-kit';
import { db } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { logger } from './logger.js';
import { orderRouter } from './router/index.js';

await startServiceProcess({
  service: 'order',
  env,
  logger,
  router: orderRouter,
  database: db,
  startBackground: (onShutdown) =>
    startServiceEventing({
      service: 'order',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      databaseUrl: env.DATABASE_URL,
      database: db,
      catalog: eventCatalog,
      consume: { handlers, deadLetterTopic: deadLetterTopicOf.order, replayTopic: replayTopicOf.order, concurrency: env.KAFKA_CONSUMER_CONCURRENCY },
      retention: eventRetentionOf(env),
      logger,
      onShutdown,
    }),
});
