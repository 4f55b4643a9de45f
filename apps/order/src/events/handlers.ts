import { eventCatalog, topics } from '@food/contracts';
import type { EventHandlers } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { markOrderCancelled, markOrderConfirmed } from '../orders/settle-order.js';

export const handlers = {
  [topics.paymentCompleted]: (event, tx, context) => markOrderConfirmed(tx, event, context),
  [topics.paymentFailed]: (event, tx, context) => markOrderCancelled(tx, event, context),
} satisfies EventHandlers<typeof eventCatalog, Transaction>;
