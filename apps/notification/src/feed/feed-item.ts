import type { NotificationKind } from '../notifications/notification-text.js';

export const feedChannel = 'notification_feed';

/** One entry of the live feed: a new notification, and the order status it implies when it has one. */
export interface FeedItem {
  id: string;
  userId: string;
  orderId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  orderStatus: 'CONFIRMED' | 'CANCELLED' | null;
}
