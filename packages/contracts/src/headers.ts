/** Kafka header names of the platform. Values are strings. */
export const headerNames = {
  correlationId: 'x-correlation-id',
  /** The attempt this delivery starts at; a replayed dead letter starts again at 1. */
  attempt: 'x-attempt',
  /** On a replayed message: the id of the dead letter it came from. */
  replayOf: 'x-replay-of',
  deadLetter: {
    /** The dead letter's identity: the same for every copy of one failure, new for each failure (even of a replay). */
    id: 'x-dlq-id',
    originalTopic: 'x-dlq-original-topic',
    originalPartition: 'x-dlq-original-partition',
    originalOffset: 'x-dlq-original-offset',
    originalKey: 'x-dlq-original-key',
    consumerGroup: 'x-dlq-consumer-group',
    errorMessage: 'x-dlq-error-message',
    errorClass: 'x-dlq-error-class',
    attempts: 'x-dlq-attempts',
    failedAt: 'x-dlq-failed-at',
  },
} as const;

/** Why a message was dead-lettered; the DLQ header `x-dlq-error-class`. */
export const deadLetterErrorClasses = [
  'NOT_JSON',
  'INVALID_ENVELOPE',
  'UNKNOWN_EVENT_TYPE',
  'UNKNOWN_VERSION',
  'INVALID_PAYLOAD',
  'HANDLER_FAILED',
] as const;
export type DeadLetterErrorClass = (typeof deadLetterErrorClasses)[number];

export const deadLetterStatuses = ['PENDING', 'REPLAYED', 'DISCARDED'] as const;
export type DeadLetterStatus = (typeof deadLetterStatuses)[number];
