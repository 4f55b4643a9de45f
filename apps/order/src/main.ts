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
import { logger } from './logger.js';
import { orderRouter } from './router/index.js';
import type { OrderDependencies } from './trpc.js';

await startServiceProcess({
  service: 'order',
  env,
  logger,
  open: ({ onShutdown }): OrderDependencies => {
    const db = createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
    onShutdown('database', () => db.$disconnect());
    return { db, clock: systemClock };
  },
  http: (dependencies, { gatewaySecret }) => {
    // The eventing procedures read the service's consumer groups from the broker, beside its own dependencies.
    const served = withConsumerGroupReader(dependencies, {
      service: 'order',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      logger,
    });
    return createTrpcServiceServer({
      router: orderRouter,
      verifyAccessToken: createAccessTokenVerifier(env.AUTH_JWKS_URL),
      dependencies: () => served,
      logger,
      gatewaySecret,
      admission: admissionLimitsOf(env),
    });
  },
  background: ({ db }, { onShutdown }) =>
    startServiceEventing({
      service: 'order',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      databaseUrl: env.DATABASE_URL,
      database: db,
      catalog: eventCatalog,
      consume: {
        handlers,
        deadLetterTopic: deadLetterTopicOf.order,
        replayTopic: replayTopicOf.order,
        concurrency: env.KAFKA_CONSUMER_CONCURRENCY,
      },
      retention: eventRetentionOf(env),
      logger,
      onShutdown,
    }),
});
