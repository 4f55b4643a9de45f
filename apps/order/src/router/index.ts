import { createDeadLetterRouter, createEventingRouter } from '@food/kafka-runtime';
import { router } from '@food/service-kit';
import { replayTopicOf } from '@food/contracts';
import { handlers } from '../events/handlers.js';
import { orderAdminProcedures } from './admin.js';
import { health } from './health.js';
import { orderProcedures } from './orders.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`order.create`). */
export const orderRouter = router({
  order: router({
    health,
    ...orderProcedures,
    ...orderAdminProcedures,
    deadLetters: createDeadLetterRouter({ replayTopic: replayTopicOf.order, consumedTopics: Object.keys(handlers) }),
    eventing: createEventingRouter(),
  }),
});

export type OrderRouter = typeof orderRouter;
