import { createDeadLetterRouter, createEventingRouter } from '@food/kafka-runtime';
import { router } from '@food/service-kit';
import { replayTopicOf } from '@food/contracts';
import { consumedTopics } from '../events/handlers.js';
import { paymentAdminProcedures } from './admin.js';
import { health } from './health.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`payment.adminList`). */
export const paymentRouter = router({
  payment: router({
    health,
    ...paymentAdminProcedures,
    deadLetters: createDeadLetterRouter({ replayTopic: replayTopicOf.payment, consumedTopics }),
    eventing: createEventingRouter(),
  }),
});

export type PaymentRouter = typeof paymentRouter;
