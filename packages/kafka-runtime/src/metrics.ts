import { metricsRegistry } from '@food/service-kit';
import { Counter } from 'prom-client';

const registers = [metricsRegistry];

export const eventsConsumedTotal = new Counter({
  name: 'events_consumed_total',
  help: 'Events taken from Kafka by the idempotent consumer, by topic and outcome (processed, duplicate, dead-lettered)',
  labelNames: ['topic', 'outcome'] as const,
  registers,
});

export const eventsDeadLetteredTotal = new Counter({
  name: 'events_dead_lettered_total',
  help: 'Messages sent to the dead-letter topic, by original topic and error class',
  labelNames: ['topic', 'error_class'] as const,
  registers,
});

export const eventRetriesTotal = new Counter({
  name: 'event_retries_total',
  help: 'Handler attempts that failed and were retried, by topic',
  labelNames: ['topic'] as const,
  registers,
});

export const consumerOutagePausesTotal = new Counter({
  name: 'consumer_outage_pauses_total',
  help: 'Times a partition paused because the service database did not answer',
  registers,
});

export const eventsPublishedTotal = new Counter({
  name: 'events_published_total',
  help: 'Outbox rows published to Kafka by the relay, by topic',
  labelNames: ['topic'] as const,
  registers,
});
