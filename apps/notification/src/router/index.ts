import { createDeadLetterRouter, createEventingRouter } from '@food/kafka-runtime';
import { router } from '@food/service-kit';
import { replayTopicOf } from '@food/contracts';
import { handlers } from '../events/handlers.js';
import { health } from './health.js';
import { notificationProcedures } from './notifications.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`notification.list`). */
export const notificationRouter = router({
  notification: router({
    health,
    ...notificationProcedures,
    deadLetters: createDeadLetterRouter({ replayTopic: replayTopicOf.notification, consumedTopics: Object.keys(handlers) }),
    eventing: createEventingRouter(),
  }),
});

export type NotificationRouter = typeof notificationRouter;
