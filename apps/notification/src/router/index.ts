import { consumerGroupReader, createDeadLetterRouter, createEventingRouter } from '@food/kafka-runtime';
import { router } from '@food/service-kit';
import { replayTopicOf } from '@food/contracts';
import { db } from '../db.js';
import { env } from '../env.js';
import { handlers } from '../events/handlers.js';
import { logger } from '../logger.js';
import { health } from './health.js';
import { notificationProcedures } from './notifications.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`notification.list`). */
export const notificationRouter = router({
  notification: router({
    health,
    ...notificationProcedures,
    deadLetters: createDeadLetterRouter(db, { replayTopic: replayTopicOf.notification, consumedTopics: Object.keys(handlers) }, logger),
    eventing: createEventingRouter({
      consumerGroups: consumerGroupReader({ service: 'notification', brokers: env.KAFKA_BROKERS, namespace: env.KAFKA_NAMESPACE, logger }),
    }),
  }),
});

export type NotificationRouter = typeof notificationRouter;
