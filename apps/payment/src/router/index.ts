import { consumerGroupReader, createDeadLetterRouter, createEventingRouter } from '@food/kafka-runtime';
import { router } from '@food/service-kit';
import { replayTopicOf } from '@food/contracts';
import { db } from '../db.js';
import { env } from '../env.js';
import { handlers } from '../events/handlers.js';
import { logger } from '../logger.js';
import { paymentAdminProcedures } from './admin.js';
import { health } from './health.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`payment.adminList`). */
export const paymentRouter = router({
  payment: router({
    health,
    ...paymentAdminProcedures,
    deadLetters: createDeadLetterRouter(db, { replayTopic: replayTopicOf.payment, consumedTopics: Object.keys(handlers) }, logger),
    eventing: createEventingRouter({
      consumerGroups: consumerGroupReader({ service: 'payment', brokers: env.KAFKA_BROKERS, namespace: env.KAFKA_NAMESPACE, logger }),
    }),
  }),
});

export type PaymentRouter = typeof paymentRouter;
