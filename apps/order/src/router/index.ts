import { consumerGroupReader, createDeadLetterRouter, createEventingRouter } from '@food/kafka-runtime';
import { router } from '@food/service-kit';
import { replayTopicOf } from '@food/contracts';
import { db } from '../db.js';
import { env } from '../env.js';
import { handlers } from '../events/handlers.js';
import { logger } from '../logger.js';
import { orderAdminProcedures } from './admin.js';
import { health } from './health.js';
import { orderProcedures } from './orders.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`order.create`). */
export const orderRouter = router({
  order: router({
    health,
    ...orderProcedures,
    ...orderAdminProcedures,
    deadLetters: createDeadLetterRouter(db, { replayTopic: replayTopicOf.order, consumedTopics: Object.keys(handlers) }, logger),
    eventing: createEventingRouter({
      consumerGroups: consumerGroupReader({ service: 'order', brokers: env.KAFKA_BROKERS, namespace: env.KAFKA_NAMESPACE, logger }),
    }),
  }),
});

export type OrderRouter = typeof orderRouter;
