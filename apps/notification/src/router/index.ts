import { router } from '@food/service-kit';
import { health } from './health.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`notification.health`). */
export const notificationRouter = router({
  notification: router({ health }),
});

export type NotificationRouter = typeof notificationRouter;
