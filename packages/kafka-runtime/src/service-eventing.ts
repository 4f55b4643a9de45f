import type { EventCatalog } from '@food/contracts';
import {
  registerProcessLoop,
  RetentionPurge,
  type EventRetention,
  type Logger,
  type PurgeTarget,
} from '@food/service-kit';
import { startBulkActionResumer } from './bulk-action-runner.js';
import { DeadLetterStore } from './dead-letter-store.js';
import { EventConsumer } from './event-consumer.js';
import type { EventHandlers } from './event-consumer-options.js';
import { registerEventingGauges } from './eventing-metrics.js';
import { createKafkaClient } from './kafka-client.js';
import { namespaced } from './namespace.js';
import { OutboxRelay } from './outbox-relay.js';
import { processedEventRetention, publishedOutboxRetention } from './retention-targets.js';
import type { SqlClient, TransactionalDatabase } from './sql-client.js';

export interface ServiceEventingOptions<TCatalog extends EventCatalog, Tx extends SqlClient> {
  service: string;
  brokers: string[];
  namespace: string;
  databaseUrl: string;
  database: TransactionalDatabase<Tx>;
  catalog: TCatalog;
  /** Omit for a service that only publishes. */
  consume?: {
    handlers: EventHandlers<TCatalog, Tx>;
    deadLetterTopic: string;
    replayTopic: string;
    /** Partitions worked on at once (a partition's events are always applied in order). */
    concurrency?: number;
  };
  /** How long published outbox rows and processed events are kept before the purge deletes them. */
  retention: EventRetention;
  logger: Logger;
  onShutdown: (name: string, close: () => Promise<void>) => void;
}

/**
 * Starts a service's Kafka side: its outbox relay and, when it consumes, its idempotent consumer and dead-letter
 * store. Registers the closers so that shutdown stops intake first and flushes the relay last.
 */
export async function startServiceEventing<TCatalog extends EventCatalog, Tx extends SqlClient>(
  options: ServiceEventingOptions<TCatalog, Tx>,
) {
  const { service, namespace, logger } = options;
  const kafka = createKafkaClient({ clientId: service, brokers: options.brokers, logger });
  const relay = new OutboxRelay({ kafka, databaseUrl: options.databaseUrl, namespace, logger });
  await relay.start();
  const forgetRelay = registerProcessLoop('outbox relay', () => relay.report());
  options.onShutdown('outbox relay', async () => {
    await relay.stop();
    forgetRelay();
  });
  const purgeTargets = [
    publishedOutboxRetention(options.database, options.retention.outboxHours),
    ...(options.consume
      ? [processedEventRetention(options.database, options.retention.processedEventHours)]
      : []),
  ];
  startRetentionPurge(purgeTargets, options.retention.purgeIntervalMs, logger, options.onShutdown);
  const consumed = options.consume && {
    groupId: namespaced(namespace, service),
    topics: Object.keys(options.consume.handlers).map((topic) => namespaced(namespace, topic)),
  };
  registerEventingGauges({ database: options.database, kafka, consumer: consumed, logger });
  if (!options.consume) return { kafka, relay };

  const consumer = new EventConsumer({
    kafka,
    groupId: service,
    namespace,
    catalog: options.catalog,
    handlers: options.consume.handlers,
    database: options.database,
    deadLetterTopic: options.consume.deadLetterTopic,
    replayTopic: options.consume.replayTopic,
    partitionsConsumedConcurrently: options.consume.concurrency,
    logger,
  });
  const deadLetters = new DeadLetterStore({
    kafka,
    namespace,
    deadLetterTopic: options.consume.deadLetterTopic,
    groupId: `${service}.dead-letters`,
    database: options.database,
    logger,
  });
  registerProcessLoop(`consumer ${consumer.consumerGroup}`, () => consumer.report());
  registerProcessLoop(`dead-letter store ${deadLetters.consumerGroup}`, () => deadLetters.report());
  await Promise.all([consumer.start(), deadLetters.start()]);
  options.onShutdown('dead-letter store', () => deadLetters.stop());
  options.onShutdown('event consumer', () => consumer.stop());
  const bulkActions = startBulkActionResumer({
    database: options.database,
    route: { replayTopic: options.consume.replayTopic, consumedTopics: Object.keys(options.consume.handlers) },
    logger,
  });
  registerProcessLoop('bulk dead-letter actions', bulkActions.report);
  options.onShutdown('bulk dead-letter actions', bulkActions.stop);
  return { kafka, relay, consumer, deadLetters };
}

/** Safe in every instance at once: each batch takes its rows with SKIP LOCKED. */
function startRetentionPurge(
  targets: PurgeTarget[],
  intervalMs: number,
  logger: Logger,
  onShutdown: ServiceEventingOptions<EventCatalog, SqlClient>['onShutdown'],
) {
  const purge = new RetentionPurge({ targets, intervalMs, logger });
  purge.start();
  const forgetPurge = registerProcessLoop('retention purge', () => purge.report());
  onShutdown('retention purge', async () => {
    await purge.stop();
    forgetPurge();
  });
}
