import { deadLetterTopicOf, eventCatalog, replayTopicOf } from '@food/contracts';
import {
  admissionLimitsOf,
  createAccessTokenVerifier,
  createTrpcServiceServer,
  eventRetentionOf,
  startServiceProcess,
  type Logger,
  type ProcessEnv,
  type ProcessLife,
} from '@food/service-kit';
import type { AnyRouter } from '@trpc/server';
import { withConsumerGroupReader } from './consumer-groups.js';
import type { EventHandlers } from './event-consumer-options.js';
import { startServiceEventing } from './service-eventing.js';
import type { SqlClient, TransactionalDatabase } from './sql-client.js';

/** The settings an event-driven service runs on (service-kit's serviceSettings with eventRetentionSettings). */
export type EventDrivenServiceEnv = ProcessEnv &
  Parameters<typeof admissionLimitsOf>[0] &
  Parameters<typeof eventRetentionOf>[0] & {
    DATABASE_URL: string;
    AUTH_JWKS_URL: string;
    KAFKA_BROKERS: string[];
    KAFKA_NAMESPACE: string;
    KAFKA_CONSUMER_CONCURRENCY: number;
  };

export interface EventDrivenServiceOptions<
  Tx extends SqlClient,
  Dependencies extends { db: TransactionalDatabase<Tx> },
> {
  service: keyof typeof deadLetterTopicOf;
  env: EventDrivenServiceEnv;
  logger: Logger;
  router: AnyRouter;
  /** Opens what its procedures and handlers work with (database, provider, clock), registering how to close each. */
  open(life: ProcessLife): Dependencies;
  handlers(dependencies: Dependencies): EventHandlers<typeof eventCatalog, Tx>;
  /** Background work started before the consumers (notification's live feed). */
  beforeConsuming?(dependencies: Dependencies, life: ProcessLife): Promise<void>;
}

/**
 * The process of order, payment and notification: the platform's skeleton (startServiceProcess) with a tRPC server
 * whose procedures get the service's dependencies and its consumer groups, then its Kafka side (relay, consumer,
 * dead-letter store, purge) on its own topics.
 */
export function startEventDrivenService<
  Tx extends SqlClient,
  Dependencies extends { db: TransactionalDatabase<Tx> },
>(options: EventDrivenServiceOptions<Tx, Dependencies>) {
  const { service, env, logger } = options;
  return startServiceProcess({
    service,
    env,
    logger,
    open: options.open,
    http: (dependencies, { gatewaySecret }) => {
      const served = withConsumerGroupReader(dependencies, {
        service,
        brokers: env.KAFKA_BROKERS,
        namespace: env.KAFKA_NAMESPACE,
        logger,
      });
      return createTrpcServiceServer({
        router: options.router,
        verifyAccessToken: createAccessTokenVerifier(env.AUTH_JWKS_URL),
        dependencies: () => served,
        logger,
        gatewaySecret,
        admission: admissionLimitsOf(env),
      });
    },
    background: async (dependencies, life) => {
      await options.beforeConsuming?.(dependencies, life);
      await startServiceEventing({
        service,
        brokers: env.KAFKA_BROKERS,
        namespace: env.KAFKA_NAMESPACE,
        databaseUrl: env.DATABASE_URL,
        database: dependencies.db,
        catalog: eventCatalog,
        consume: {
          handlers: options.handlers(dependencies),
          deadLetterTopic: deadLetterTopicOf[service],
          replayTopic: replayTopicOf[service],
          concurrency: env.KAFKA_CONSUMER_CONCURRENCY,
        },
        retention: eventRetentionOf(env),
        logger,
        onShutdown: life.onShutdown,
      });
    },
  });
}
