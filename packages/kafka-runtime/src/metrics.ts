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

export const oversizedDeadLettersTotal = new Counter({
  name: 'dead_letters_oversized_total',
  help: 'Dead letters too large for the topic: stored in full by the consumer, published as a truncated copy',
  labelNames: ['topic'] as const,
  registers,
});

export const recordHeadersIgnoredTotal = new Counter({
  name: 'record_headers_ignored_total',
  help: 'Records with headers the consumer could not read (null, not text, too large, repeated, out of range), by topic',
  labelNames: ['topic'] as const,
  registers,
});

export const consumerCrashesTotal = new Counter({
  name: 'consumer_crashes_total',
  help: 'Times a consumer (event consumer or dead-letter store) crashed, by group',
  labelNames: ['group'] as const,
  registers,
});

export const consumerRestartsTotal = new Counter({
  name: 'consumer_restarts_total',
  help: 'Times the runtime restarted a crashed consumer, by group',
  labelNames: ['group'] as const,
  registers,
});

export const deadLettersSkippedTotal = new Counter({
  name: 'dead_letters_skipped_total',
  help: 'Records on a dead-letter topic the store could not keep, by reason',
  labelNames: ['reason'] as const,
  registers,
});
