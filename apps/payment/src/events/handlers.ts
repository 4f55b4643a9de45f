import { eventCatalog, topics } from '@food/contracts';
import type { EventHandlers } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { chargeOrder } from '../payments/charge-order.js';
import { paymentProvider } from '../provider/index.js';

export const handlers = {
  [topics.orderCreated]: (event, tx) => chargeOrder(tx, event, paymentProvider),
} satisfies EventHandlers<typeof eventCatalog, Transaction>;
