import { deadLetterTopicOf, eventCatalog, replayTopicOf } from '@food/contracts';
import { startServiceEventing, withConsumerGroupReader } from '@food/kafka-runtime';
import {
  admissionLimitsOf,
  createAccessTokenVerifier,
  createTrpcServiceServer,
  eventRetentionOf,
  startServiceProcess,
  systemClock,
} from '@food/service-kit';
import { createDatabase } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { NotificationFeed } from './feed/notification-feed.js';
import { logger } from './logger.js';
import { notificationRouter } from './router/index.js';
import type { NotificationDependencies } from './trpc.js';

await startServiceProcess({
  service: 'notification',
  env,
  logger,
  open: ({ onShutdown }): NotificationDependencies & { feed: NotificationFeed } => {
    const db = createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
    onShutdown('database', () => db.$disconnect());
    return { db, clock: systemClock, feed: new NotificationFeed(env.DATABASE_URL, logger) };
  },
  http: (dependencies, { gatewaySecret }) => {
    // The eventing procedures read the service's consumer groups from the broker, beside its own dependencies.
    const served = withConsumerGroupReader(dependencies, {
      service: 'notification',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      logger,
    });
    return createTrpcServiceServer({
      router: notificationRouter,
      verifyAccessToken: createAccessTokenVerifier(env.AUTH_JWKS_URL),
      dependencies: () => served,
      logger,
      gatewaySecret,
      admission: admissionLimitsOf(env),
    });
  },
  background: async ({ db, feed }, { onShutdown }) => {
    await feed.start();
    onShutdown('live feed', () => feed.stop());
    await startServiceEventing({
      service: 'notification',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      databaseUrl: env.DATABASE_URL,
      database: db,
      catalog: eventCatalog,
      consume: {
        handlers,
        deadLetterTopic: deadLetterTopicOf.notification,
        replayTopic: replayTopicOf.notification,
        concurrency: env.KAFKA_CONSUMER_CONCURRENCY,
      },
      retention: eventRetentionOf(env),
      logger,
      onShutdown,
    });
  },
});
