// Run only as a child process (see service-surface.ts): a service router or event handler map reads its service's
// environment and builds its database client when imported, which a test process must not do.
import { authRouter } from '@food/auth/router';
import { notificationRouter } from '@food/notification/router';
import { orderRouter } from '@food/order/router';
import { paymentRouter } from '@food/payment/router';
import { handlers as notificationHandlers } from '../../apps/notification/src/events/handlers.js';
import { handlers as orderHandlers } from '../../apps/order/src/events/handlers.js';
import { consumedTopics as paymentTopics } from '../../apps/payment/src/events/handlers.js';

const routers = [authRouter, orderRouter, paymentRouter, notificationRouter];
const procedures = Object.fromEntries(
  routers.flatMap((router) =>
    // At run time `_def.procedures` is flat, keyed by full path (its type is the nested record).
    Object.entries(
      router._def.procedures as unknown as Record<string, { _def: { type: string } }>,
    ).map(([path, procedure]) => [path, procedure._def.type]),
  ),
);
const consumedTopics = {
  order: Object.keys(orderHandlers),
  payment: [...paymentTopics],
  notification: Object.keys(notificationHandlers),
};
process.stdout.write(JSON.stringify({ procedures, consumedTopics }), () => process.exit(0));
