import { router } from '@food/service-kit';
import { health } from './health.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`auth.health`). */
export const authRouter = router({
  auth: router({ health }),
});

export type AuthRouter = typeof authRouter;
