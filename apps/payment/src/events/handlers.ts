import { eventCatalog, topics } from '@food/contracts';
import type { EventHandlers } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { chargeOrder } from '../payments/charge-order.js';
import type { PaymentProvider } from '../provider/payment-provider.js';

export function paymentHandlers(provider: PaymentProvider) {
  return {
    [topics.orderCreated]: (event, tx) => chargeOrder(tx, event, provider),
  } satisfies EventHandlers<typeof eventCatalog, Transaction>;
}

/** The topics the handlers consume (a replay may name only these), whichever provider they charge. */
export const consumedTopics = [topics.orderCreated] satisfies Array<keyof ReturnType<typeof paymentHandlers>>;
