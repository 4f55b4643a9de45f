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
import { paymentHandlers } from './events/handlers.js';
import { logger } from './logger.js';
import { createPaymentProvider } from './provider/index.js';
import { paymentRouter } from './router/index.js';
import type { PaymentDependencies } from './trpc.js';

await startServiceProcess({
  service: 'payment',
  env,
  logger,
  open: ({ onShutdown }): PaymentDependencies => {
    const db = createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
    onShutdown('database', () => db.$disconnect());
    return { db, clock: systemClock };
  },
  http: (dependencies, { gatewaySecret }) => {
    // The eventing procedures read the service's consumer groups from the broker, beside its own dependencies.
    const served = withConsumerGroupReader(dependencies, {
      service: 'payment',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      logger,
    });
    return createTrpcServiceServer({
      router: paymentRouter,
      verifyAccessToken: createAccessTokenVerifier(env.AUTH_JWKS_URL),
      dependencies: () => served,
      logger,
      gatewaySecret,
      admission: admissionLimitsOf(env),
    });
  },
  background: ({ db }, { onShutdown }) =>
    startServiceEventing({
      service: 'payment',
      brokers: env.KAFKA_BROKERS,
      namespace: env.KAFKA_NAMESPACE,
      databaseUrl: env.DATABASE_URL,
      database: db,
      catalog: eventCatalog,
      consume: {
        handlers: paymentHandlers(createPaymentProvider(db)),
        deadLetterTopic: deadLetterTopicOf.payment,
        replayTopic: replayTopicOf.payment,
        concurrency: env.KAFKA_CONSUMER_CONCURRENCY,
      },
      retention: eventRetentionOf(env),
      logger,
      onShutdown,
    }),
});
