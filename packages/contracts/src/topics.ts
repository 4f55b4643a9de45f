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
