import { randomUUID } from 'node:crypto';
import type { Transaction } from '../db.js';
import { feedChannel, type FeedItem } from '../feed/feed-item.js';
import type { NotificationText } from './notification-text.js';

/**
 * Writes one notification for one event (the event id is unique: a duplicate cannot make a second) and
 * announces it with NOTIFY, which PostgreSQL delivers to every instance's live feed only when the transaction commits.
 */
export async function recordNotification(
  tx: Transaction,
  event: { eventId: string; payload: { userId: string; orderId: string } },
  text: NotificationText,
  orderStatus: FeedItem['orderStatus'],
): Promise<void> {
  const notification = await tx.notification.create({
    data: { id: randomUUID(), eventId: event.eventId, userId: event.payload.userId, orderId: event.payload.orderId, ...text },
  });
  const item: FeedItem = {
    id: notification.id,
    userId: notification.userId,
    orderId: notification.orderId,
    kind: text.kind,
    title: text.title,
    body: text.body,
    createdAt: notification.createdAt.toISOString(),
    readAt: null,
    orderStatus,
  };
  await tx.$executeRaw`SELECT pg_notify(${feedChannel}, ${JSON.stringify(item)})`;
}
