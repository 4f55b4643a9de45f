import type { DeadLetterStatus, deadLetterTopicOf, Topic } from '@food/contracts';

/** The services with a dead-letter queue: those that consume events. */
export type DeadLetterService = keyof typeof deadLetterTopicOf;

const servicesWithQueues: Record<DeadLetterService, true> = {
  order: true,
  payment: true,
  notification: true,
};
export const deadLetterServices = Object.keys(servicesWithQueues) as DeadLetterService[];
export const isDeadLetterService = (value: string): value is DeadLetterService =>
  value in servicesWithQueues;

/** What each service consumes (ARCHITECTURE.md, Events), hence which topics can end in its dead-letter queue. */
export const topicsConsumedBy: Record<DeadLetterService, readonly Topic[]> = {
  order: ['payment.completed', 'payment.failed'],
  payment: ['order.created'],
  notification: ['payment.completed', 'payment.failed', 'order.confirmed', 'order.cancelled'],
};

export const consumedTopics = [...new Set(Object.values(topicsConsumedBy).flat())];

export const deadLetterStatusLabels: Record<DeadLetterStatus, string> = {
  PENDING: 'Pending',
  REPLAYED: 'Replayed',
  DISCARDED: 'Discarded',
  RESOLVED: 'Resolved',
};

export const isDeadLetterStatus = (value: string): value is DeadLetterStatus =>
  value in deadLetterStatusLabels;
