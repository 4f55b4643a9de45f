import { eventCatalog, topics } from '@food/contracts';
import type { EventHandlers } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { notificationText } from '../notifications/notification-text.js';
import { recordNotification } from '../notifications/record-notification.js';

export const handlers = {
  [topics.paymentCompleted]: (event, tx) => recordNotification(tx, event, notificationText.paymentReceived(event.payload), null),
  [topics.paymentFailed]: (event, tx) => recordNotification(tx, event, notificationText.paymentDeclined(event.payload), null),
  [topics.orderConfirmed]: (event, tx) => recordNotification(tx, event, notificationText.orderConfirmed(event.payload), 'CONFIRMED'),
  [topics.orderCancelled]: (event, tx) => recordNotification(tx, event, notificationText.orderCancelled(event.payload), 'CANCELLED'),
} satisfies EventHandlers<typeof eventCatalog, Transaction>;
