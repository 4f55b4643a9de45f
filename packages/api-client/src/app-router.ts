import type { AuthRouter } from '@food/auth/router';
import type { NotificationRouter } from '@food/notification/router';
import type { OrderRouter } from '@food/order/router';
import type { PaymentRouter } from '@food/payment/router';
import type { AnyRouter } from '@trpc/server';
import type { BuiltRouter } from '@trpc/server/unstable-core-do-not-import';

type RecordOf<TRouter extends AnyRouter> = TRouter['_def']['record'];

/**
 * The whole platform as one router type: the merge of the four services' records (each nested under its name).
 * Type-only: a client never imports a server at run time. All services share one tRPC instance (service-kit), so
 * their root types are the same.
 */
export type AppRouter = BuiltRouter<
  AuthRouter['_def']['_config']['$types'],
  RecordOf<AuthRouter> & RecordOf<OrderRouter> & RecordOf<PaymentRouter> & RecordOf<NotificationRouter>
>;
