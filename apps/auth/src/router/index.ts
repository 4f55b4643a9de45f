import { router } from '@food/service-kit';
import { accountProcedures } from './account.js';
import { health } from './health.js';
import { sessionProcedures } from './sessions.js';
import { userAdminProcedures } from './users.js';

/** Nested under the service's name, so a path means the same at the gateway and here (`auth.login`). */
export const authRouter = router({
  auth: router({ health, ...sessionProcedures, ...accountProcedures, ...userAdminProcedures }),
});

export type AuthRouter = typeof authRouter;
