import { deadLetterTopicOf, eventCatalog, replayTopicOf } from '@food/contracts';
import {
  admissionLimitsOf,
  createAccessTokenVerifier,
  createTrpcServiceServer,
  eventRetentionOf,
  startServiceProcess,
  systemClock,
  type Clock,
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

/** What every event-driven service's procedures and handlers work with; a service may add its own (`open`). */
export interface EventDrivenDependencies<Database> {
  db: Database;
  clock: Clock;
}

export interface EventDrivenServiceOptions<
  Tx extends SqlClient,
  Database extends TransactionalDatabase<Tx> & { $disconnect(): Promise<void> },
  Extra extends object,
> {
  service: keyof typeof deadLetterTopicOf;
  env: EventDrivenServiceEnv;
  logger: Logger;
  router: AnyRouter;
  /** The service's database client (its db.ts), opened on DATABASE_URL with DATABASE_POOL_SIZE connections. */
  createDatabase(url: string, logger: Logger, poolSize: number): Database;
  /** What it works with besides its database and the clock (notification's live feed), registering how to close it. */
  open?(base: EventDrivenDependencies<Database>, life: ProcessLife): Extra;
  handlers(dependencies: EventDrivenDependencies<Database> & Extra): EventHandlers<typeof eventCatalog, Tx>;
  /** Background work started before the consumers (notification's live feed). */
  beforeConsuming?(dependencies: EventDrivenDependencies<Database> & Extra, life: ProcessLife): Promise<void>;
}

/**
 * The process of order, payment and notification: the platform's skeleton (startServiceProcess) with the service's
 * database (closed last) and the system clock, a tRPC server whose procedures get those, what the service adds and
 * its consumer groups, then its Kafka side (relay, consumer, dead-letter store, purge) on its own topics.
 */
export function startEventDrivenService<
  Tx extends SqlClient,
  Database extends TransactionalDatabase<Tx> & { $disconnect(): Promise<void> },
  Extra extends object = object,
>(options: EventDrivenServiceOptions<Tx, Database, Extra>) {
  const { service, env, logger } = options;
  return startServiceProcess({
    service,
    env,
    logger,
    open: (life): EventDrivenDependencies<Database> & Extra => {
      const db = options.createDatabase(env.DATABASE_URL, logger, env.DATABASE_POOL_SIZE);
      life.onShutdown('database', () => db.$disconnect());
      const base = { db, clock: systemClock };
      return { ...base, ...(options.open?.(base, life) as Extra) };
    },
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
