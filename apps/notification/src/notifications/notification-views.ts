import type { Database } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { NotificationKind } from './notification-text.js';

export interface NotificationFilter {
  userId?: string;
  kind?: NotificationKind;
  unreadOnly?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
}

export async function listNotifications(db: Database, filter: NotificationFilter, page: { limit: number; cursor?: string | undefined }) {
  const where: Prisma.NotificationWhereInput = {
    userId: filter.userId,
    kind: filter.kind,
    readAt: filter.unreadOnly ? null : undefined,
    createdAt: { gte: filter.createdFrom, lte: filter.createdTo },
  };
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: { id: true, userId: true, orderId: true, kind: true, title: true, body: true, readAt: true, createdAt: true },
  });
  const items = rows.slice(0, page.limit).map((row) => ({
    ...row,
    kind: row.kind as NotificationKind,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Marks the user's own notifications read (others' ids are ignored); all of them when no ids are given. */
export async function markNotificationsRead(db: Database, userId: string, ids: string[] | undefined, readAt: Date) {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt },
  });
  return { marked: result.count, unread: await db.notification.count({ where: { userId, readAt: null } }) };
}
