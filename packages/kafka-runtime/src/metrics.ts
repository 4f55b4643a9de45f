import { metricsRegistry } from '@food/service-kit';
import { Counter } from 'prom-client';

/** A counter on the service's registry (served at /metrics), with the labels it is counted by. */
function counter<Label extends string>(name: string, help: string, labelNames: readonly Label[] = []) {
  return new Counter<Label>({ name, help, labelNames, registers: [metricsRegistry] });
}

export const eventsConsumedTotal = counter(
  'events_consumed_total',
  'Events taken from Kafka by the idempotent consumer, by topic and outcome (processed, duplicate, dead-lettered)',
  ['topic', 'outcome'],
);

export const eventsDeadLetteredTotal = counter(
  'events_dead_lettered_total',
  'Messages sent to the dead-letter topic, by original topic and error class',
  ['topic', 'error_class'],
);

export const eventRetriesTotal = counter(
  'event_retries_total',
  'Handler attempts that failed and were retried, by topic',
  ['topic'],
);

export const consumerOutagePausesTotal = counter(
  'consumer_outage_pauses_total',
  'Times a partition paused because the service database did not answer',
);

export const eventsPublishedTotal = counter(
  'events_published_total',
  'Outbox rows published to Kafka by the relay, by topic',
  ['topic'],
);

export const oversizedDeadLettersTotal = counter(
  'dead_letters_oversized_total',
  'Dead letters too large for the topic: stored in full by the consumer, published as a truncated copy',
  ['topic'],
);

export const recordHeadersIgnoredTotal = counter(
  'record_headers_ignored_total',
  'Records with headers the consumer could not read (null, not text, too large, repeated, out of range), by topic',
  ['topic'],
);

export const consumerCrashesTotal = counter(
  'consumer_crashes_total',
  'Times a consumer (event consumer or dead-letter store) crashed, by group',
  ['group'],
);

export const consumerRestartsTotal = counter(
  'consumer_restarts_total',
  'Times the runtime restarted a crashed consumer, by group',
  ['group'],
);

export const deadLettersSkippedTotal = counter(
  'dead_letters_skipped_total',
  'Records on a dead-letter topic the store could not keep, by reason',
  ['reason'],
);
