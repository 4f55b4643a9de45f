import type { EventCatalog, EventOf } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { Kafka } from 'kafkajs';
import type { EventHandler } from './apply-events.js';
import type { RetryPolicy } from './retry-policy.js';
import type { SqlClient, TransactionalDatabase } from './sql-client.js';

export type EventHandlers<TCatalog extends EventCatalog, Tx> = {
  [TTopic in keyof TCatalog & string]?: EventHandler<EventOf<TCatalog, TTopic>, Tx>;
};

export interface EventConsumerOptions<TCatalog extends EventCatalog, Tx extends SqlClient> {
  kafka: Kafka;
  /** The consumer group, before namespacing. */
  groupId: string;
  namespace: string;
  catalog: TCatalog;
  handlers: EventHandlers<TCatalog, Tx>;
  database: TransactionalDatabase<Tx>;
  /** The service's `<service>.failed.dlq`, before namespacing. */
  deadLetterTopic: string;
  /** The service's `<service>.replay`, before namespacing: replayed dead letters come back on it. */
  replayTopic?: string;
  logger: Logger;
  retryPolicy?: RetryPolicy;
  /** Partitions processed in parallel; a slow or poison message holds only its own partition. */
  partitionsConsumedConcurrently?: number;
  transactionTimeoutMs?: number;
  /** Starts at one offset without finishing after which its message is dead-lettered as KILLED_PROCESS. */
  maxStartsPerMessage?: number;
  maxRecordBytes?: number;
}

export interface EventConsumerStats {
  processed: number;
  duplicates: number;
  retries: number;
  deadLettered: number;
  outagePauses: number;
}

/**
 * A crashed member's partitions move to the survivors after 10 s (kafkajs's default is 30 s). Metadata is at most 3 s
 * old at each fetch (kafkajs's default is 5 minutes): kafkajs's consumer does not refresh it when a partition's
 * leader refuses connections, so after a broker of the cluster died it fetched from the dead leader until its
 * retries ran out and it crashed (about 50 s in the chaos run's leader kill); with fresh metadata it finds the new
 * leader once the controller has moved leadership (broker.session.timeout.ms, 9 s).
 */
export const consumerTimeouts = {
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  metadataMaxAge: 3_000,
  // How long a rebalance waits for the members it knows to join again (kafkajs's default is 60 s). After a broker
  // restart the coordinator still knows members that died meanwhile; a member busy on a batch finishes it well
  // within this (a batch is one transaction of at most 100 events), and one that does not joins the next round.
  rebalanceTimeout: 15_000,
};
