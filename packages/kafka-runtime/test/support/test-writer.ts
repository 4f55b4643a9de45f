import type { Kafka, Producer } from 'kafkajs';

/**
 * A test's writer: idempotent, so a send that kafkajs retries after a timeout on a busy machine does not write a
 * record twice (a malformed record carries no event id, so a second copy would be a second dead letter).
 */
export function writerThatNeverDuplicates(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
}
