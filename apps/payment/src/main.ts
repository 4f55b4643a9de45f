import { deadLetterTopicOf, eventCatalog, replayTopicOf } from '@food/contracts';
import { startServiceEventing } from '@food/kafka-runtime';
import { eventRetentionOf, startServiceProcess } from '@food/service-kit';
import { db } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { logger } from './logger.js';
import { paymentRouter } from './router/index.js';

await startServiceProcess({
  service: 'payment',
  env,
  logger,
  router: paymentRouter,
  database: db,
  startBackground: (onShutdown) =>
    startServiceEventing({
      service: 'payment',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      databaseUrl: env.DATABASE_URL,
      database: db,
      catalog: eventCatalog,
      consume: { handlers, deadLetterTopic: deadLetterTopicOf.payment, replayTopic: replayTopicOf.payment, concurrency: env.KAFKA_CONSUMER_CONCURRENCY },
      retention: eventRetentionOf(env),
      logger,
      onShutdown,
    }),
});
