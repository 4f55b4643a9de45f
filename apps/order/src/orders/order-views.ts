import { DomainError } from '@food/contracts';
import type { Database } from '../db.js';
import { orderStatuses, type OrderStatus } from '../domain/order-status.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface OrderListFilter {
  userId?: string;
  status?: OrderStatus;
  createdFrom?: Date;
  createdTo?: Date;
}

const summarySelect = {
  id: true,
  userId: true,
  status: true,
  totalCents: true,
  currency: true,
  createdAt: true,
  updatedAt: true,
  cancellationReason: true,
  cancellationMessage: true,
  attention: true,
  attentionNote: true,
  restaurant: { select: { id: true, name: true } },
  _count: { select: { items: true } },
} satisfies Prisma.OrderSelect;

type SummaryRow = Prisma.OrderGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow) {
  return {
    id: row.id,
    userId: row.userId,
    status: row.status as OrderStatus,
    restaurant: row.restaurant,
    totalCents: row.totalCents,
    currency: row.currency,
    itemCount: row._count.items,
    cancellation: row.cancellationReason ? { reason: row.cancellationReason, message: row.cancellationMessage ?? '' } : null,
    /** Set when a payment event contradicted the order: an operator should look. */
    attention: row.attention ? { reason: row.attention, note: row.attentionNote ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Newest first, cursor-paginated by (createdAt, id). */
export async function listOrders(db: Database, filter: OrderListFilter, page: { limit: number; cursor?: string | undefined }) {
  const where: Prisma.OrderWhereInput = {
    userId: filter.userId,
    status: filter.status,
    createdAt: { gte: filter.createdFrom, lte: filter.createdTo },
  };
  const rows = await db.order.findMany({
    where,
    select: summarySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, page.limit).map(toSummary);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;

/** The detail of an order just placed, from what its transaction wrote: the same shape `getOrder` reads back. */
export function placedOrderDetail(order: {
  id: string;
  userId: string;
  restaurant: { id: string; name: string };
  totalCents: number;
  currency: string;
  deliveryAddress: string;
  paymentMethod: string;
  items: ReadonlyArray<{ menuItemId: string; name: string; quantity: number; unitPriceCents: number }>;
  placedAt: Date;
  note: string;
}): OrderDetail {
  const at = order.placedAt.toISOString();
  return {
    id: order.id,
    userId: order.userId,
    status: 'PENDING_PAYMENT',
    restaurant: order.restaurant,
    totalCents: order.totalCents,
    currency: order.currency,
    itemCount: order.items.length,
    cancellation: null,
    attention: null,
    createdAt: at,
    updatedAt: at,
    deliveryAddress: order.deliveryAddress,
    paymentMethod: order.paymentMethod,
    items: order.items.map(({ menuItemId, name, quantity, unitPriceCents }) => ({ menuItemId, name, quantity, unitPriceCents })),
    history: [{ status: 'PENDING_PAYMENT', note: order.note, at }],
  };
}

/** One order with its items and status history. `ownerId` restricts it to one customer: another's is NOT_FOUND. */
export async function getOrder(db: Database, orderId: string, ownerId: string | null) {
  // The order and its history are read by separate statements: one snapshot (repeatable read) keeps a confirmation
  // committed between them from showing as a pending status above a history that says confirmed.
  const row = await db.$transaction(
    (tx) =>
      tx.order.findFirst({
        where: { id: orderId, ...(ownerId ? { userId: ownerId } : {}) },
        select: {
          ...summarySelect,
          deliveryAddress: true,
          paymentMethod: true,
          items: { select: { menuItemId: true, name: true, quantity: true, unitPriceCents: true }, orderBy: { id: 'asc' } },
          timeline: { where: { status: { not: null } }, select: { status: true, note: true, occurredAt: true }, orderBy: { id: 'asc' } },
        },
      }),
    { isolationLevel: 'RepeatableRead' },
  );
  // Not found and not yours answer the same, so nobody learns that someone else's order exists.
  if (!row) throw new DomainError('NOT_FOUND', `no order ${orderId}`);
  return {
    ...toSummary(row),
    deliveryAddress: row.deliveryAddress,
    paymentMethod: row.paymentMethod,
    items: row.items,
    history: row.timeline.map((entry) => ({
      status: entry.status as OrderStatus,
      note: entry.note,
      at: entry.occurredAt.toISOString(),
    })),
  };
}

export async function countOrdersByStatus(db: Database, filter: OrderListFilter) {
  const groups = await db.order.groupBy({
    by: ['status'],
    where: { userId: filter.userId, createdAt: { gte: filter.createdFrom, lte: filter.createdTo } },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(orderStatuses.map((status) => [status, 0])) as Record<OrderStatus, number>;
  for (const group of groups) counts[group.status as OrderStatus] = group._count._all;
  return counts;
}

/** Every event of the order's saga that this service sent or received, in order. */
export async function orderTimeline(db: Database, orderId: string) {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { id: true, userId: true, status: true } });
  if (!order) throw new DomainError('NOT_FOUND', `no order ${orderId}`);
  const entries = await db.orderTimelineEntry.findMany({ where: { orderId }, orderBy: { id: 'asc' } });
  return {
    order,
    events: entries.map((entry) => ({
      eventId: entry.eventId,
      type: entry.eventType,
      source: entry.source,
      status: entry.status,
      note: entry.note,
      payload: entry.payload,
      occurredAt: entry.occurredAt.toISOString(),
      recordedAt: entry.recordedAt.toISOString(),
    })),
  };
}

export async function listMenu(db: Database) {
  const restaurants = await db.restaurant.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      cuisine: true,
      currency: true,
      menuItems: {
        where: { available: true },
        orderBy: { priceCents: 'asc' },
        select: { id: true, name: true, description: true, priceCents: true },
      },
    },
  });
  return { restaurants };
}
