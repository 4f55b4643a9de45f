import { router } from '@food/service-kit';
import { health } from './health.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`order.health`). */
export const orderRouter = router({
  order: router({ health }),
});

export type OrderRouter = typeof orderRouter;
