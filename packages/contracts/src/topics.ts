/** Every Kafka topic of the platform. No other module spells a topic name. */
export const topics = {
  orderCreated: 'order.created',
  paymentCompleted: 'payment.completed',
  paymentFailed: 'payment.failed',
  orderConfirmed: 'order.confirmed',
  orderCancelled: 'order.cancelled',
  paymentDeadLetters: 'payment.failed.dlq',
  orderDeadLetters: 'order.failed.dlq',
  notificationDeadLetters: 'notification.failed.dlq',
  paymentReplays: 'payment.replay',
  orderReplays: 'order.replay',
  notificationReplays: 'notification.replay',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

export const allTopics: readonly Topic[] = Object.values(topics);

/** Partitions per topic: several, so that two instances of one service share its consumer group's work. */
export const defaultPartitions = 3;

/** How long the broker keeps a topic's records (its `retention.ms`), unless KAFKA_TOPIC_RETENTION_HOURS says otherwise. */
export const defaultTopicRetentionHours = 168;

/** Topics roll a new segment at least this often (their `segment.ms`); the broker deletes whole segments only. */
export const topicSegmentRollHours = 1;

/**
 * How long past its topic's retention a record may still be read: up to one segment roll, plus the broker's
 * retention check (every 5 minutes), rounded up to whole hours. A consumer's dedupe window must cover this too.
 */
export const recordLingerHours = topicSegmentRollHours + 1;

/** The dead-letter topic of each service that consumes events: `<service>.failed.dlq`. */
export const deadLetterTopicOf = {
  order: topics.orderDeadLetters,
  payment: topics.paymentDeadLetters,
  notification: topics.notificationDeadLetters,
} as const;

/**
 * Where a service's replayed dead letters go: `<service>.replay`, consumed by that service's group alone, so a
 * replay reaches only the consumer that failed the message (never the other groups of the original topic).
 */
export const replayTopicOf = {
  order: topics.orderReplays,
  payment: topics.paymentReplays,
  notification: topics.notificationReplays,
} as const;
