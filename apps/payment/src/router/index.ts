import { router } from '@food/service-kit';
import { health } from './health.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`payment.health`). */
export const paymentRouter = router({
  payment: router({ health }),
});

export type PaymentRouter = typeof paymentRouter;
