import { eventCatalog, topics } from '@food/contracts';
import type { EventHandlers } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { notificationText } from '../notifications/notification-text.js';
import { recordNotification } from '../notifications/record-notification.js';

/**
 * The customer hears about an order's outcome from the order service's events alone: it checked the payment
 * against the order, so a forged or mismatched payment event never reaches a customer as "paid".
 */
export const handlers = {
  [topics.orderConfirmed]: (event, tx) => recordNotification(tx, event, notificationText.orderConfirmed(event.payload), 'CONFIRMED'),
  [topics.orderCancelled]: (event, tx) => recordNotification(tx, event, notificationText.orderCancelled(event.payload), 'CANCELLED'),
} satisfies EventHandlers<typeof eventCatalog, Transaction>;
