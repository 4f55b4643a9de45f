import { metricsRegistry, type Logger } from '@food/service-kit';
import type { Kafka } from 'kafkajs';
import { Gauge } from 'prom-client';
import { readConsumerLag, readDeadLetterDepth, readOutboxStatus } from './eventing-status.js';
import type { SqlClient } from './sql-client.js';

/** Gauges read when Prometheus scrapes: outbox backlog and age, pending dead letters, and the consumer's lag. */
export function registerEventingGauges(options: {
  database: SqlClient;
  kafka: Kafka;
  consumer?: { groupId: string; topics: string[] };
  logger: Logger;
}): void {
  const registers = [metricsRegistry];
  const warn = (what: string) => (error: unknown) => options.logger.warn(`metrics: cannot read ${what}`, { error });
  new Gauge({
    name: 'outbox_backlog',
    help: 'Outbox rows not yet published',
    registers,
    async collect() {
      await readOutboxStatus(options.database).then((status) => this.set(status.backlog), warn('the outbox'));
    },
  });
  new Gauge({
    name: 'outbox_oldest_age_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when none)',
    registers,
    async collect() {
      await readOutboxStatus(options.database).then((status) => this.set(status.oldestAgeSeconds), warn('the outbox'));
    },
  });
  if (!options.consumer) return;
  const { groupId, topics } = options.consumer;
  new Gauge({
    name: 'dead_letters_pending',
    help: 'Dead letters stored and neither replayed nor discarded',
    registers,
    async collect() {
      await readDeadLetterDepth(options.database).then((pending) => this.set(pending), warn('dead letters'));
    },
  });
  new Gauge({
    name: 'consumer_lag',
    help: "Messages between the consumer group's committed offset and the end of each partition",
    labelNames: ['topic', 'partition'] as const,
    registers,
    async collect() {
      this.reset();
      await readConsumerLag(options.kafka, groupId, topics).then(
        (lags) => lags.forEach(({ topic, partition, lag }) => this.set({ topic, partition: String(partition) }, lag)),
        warn('consumer lag'),
      );
    },
  });
}
