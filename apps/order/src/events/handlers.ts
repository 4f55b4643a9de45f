import { eventCatalog, topics } from '@food/contracts';
import type { EventHandlers } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { markOrderCancelled, markOrderConfirmed } from '../orders/settle-order.js';

export const handlers = {
  [topics.paymentCompleted]: (event, tx) => markOrderConfirmed(tx, event),
  [topics.paymentFailed]: (event, tx) => markOrderCancelled(tx, event),
} satisfies EventHandlers<typeof eventCatalog, Transaction>;
