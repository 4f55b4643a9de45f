/** Kafka header names of the platform. Values are strings. */
export const headerNames = {
  correlationId: 'x-correlation-id',
  /** The attempt this delivery starts at; a replayed dead letter starts again at 1. */
  attempt: 'x-attempt',
  /** On a replayed message: the id of the dead letter it came from. */
  replayOf: 'x-replay-of',
  /** On a replayed message (on a `<service>.replay` topic): the topic whose handler it goes back to. */
  replayTopic: 'x-replay-topic',
  deadLetter: {
    /** The dead letter's identity: the same for every copy of one failure, new for each failure (even of a replay). */
    id: 'x-dlq-id',
    originalTopic: 'x-dlq-original-topic',
    originalPartition: 'x-dlq-original-partition',
    originalOffset: 'x-dlq-original-offset',
    consumerGroup: 'x-dlq-consumer-group',
    errorMessage: 'x-dlq-error-message',
    errorClass: 'x-dlq-error-class',
    attempts: 'x-dlq-attempts',
    failedAt: 'x-dlq-failed-at',
    /** On a copy cut to fit the broker's size limit: the full record is in the service's dead_letter table. */
    truncated: 'x-dlq-truncated',
    /** Names of the original's headers that had no value (kafkajs cannot write those; the names are kept here). */
    nullHeaders: 'x-dlq-null-headers',
    originalBytes: 'x-dlq-original-bytes',
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
  /** Something outside the handler could not read the record (a defect of the runtime, caught at the edge). */
  'UNREADABLE_RECORD',
  /** Started three times without finishing: handling it killed the process each time. */
  'KILLED_PROCESS',
  /** A replayed message that names no topic this service consumes. */
  'INVALID_REPLAY',
  /** Well-formed, but contradicted by the receiver's own state (see the handlers' rejections). */
  'UNKNOWN_ORDER',
  'PAYMENT_MISMATCH',
  'DUPLICATE_PAYMENT',
] as const;
export type DeadLetterErrorClass = (typeof deadLetterErrorClasses)[number];

/**
 * Failures a replay cannot cure: the record itself is malformed or of a version nobody reads, or the receiver's state
 * contradicts it. Replaying one fails again unless the code or the data changed first.
 */
export const permanentDeadLetterErrorClasses: readonly DeadLetterErrorClass[] = [
  'NOT_JSON',
  'INVALID_ENVELOPE',
  'UNKNOWN_EVENT_TYPE',
  'UNKNOWN_VERSION',
  'INVALID_PAYLOAD',
  'UNREADABLE_RECORD',
  'INVALID_REPLAY',
  'PAYMENT_MISMATCH',
  'DUPLICATE_PAYMENT',
];

export const isPermanentDeadLetter = (errorClass: string): boolean =>
  (permanentDeadLetterErrorClasses as readonly string[]).includes(errorClass);

/** RESOLVED: an operator dealt with it another way (fixed the data by hand, say) and says so, without a replay. */
export const deadLetterStatuses = ['PENDING', 'REPLAYED', 'DISCARDED', 'RESOLVED'] as const;
export type DeadLetterStatus = (typeof deadLetterStatuses)[number];
