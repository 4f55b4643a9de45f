import { createHash, randomUUID } from 'node:crypto';
import { DomainError, eventCatalog, topics, type AuthenticatedUser } from '@food/contracts';
import { createEvent, writeToOutbox } from '@food/kafka-runtime';
import type { Database, Transaction } from '../db.js';
import { priceOrder, type MenuPrice, type RequestedLine } from '../domain/price-order.js';
import { placedOrderDetail, type OrderDetail } from './order-views.js';
import { Prisma } from '../generated/prisma/client.js';

export interface CreateOrderRequest {
  restaurantId: string;
  items: RequestedLine[];
  deliveryAddress: string;
  paymentMethod: string;
  /** Chosen by the client once per checkout; a retried create with the same key returns the same order. */
  idempotencyKey: string;
}

function fingerprintOf(request: CreateOrderRequest): string {
  const { idempotencyKey: _key, ...rest } = request;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

async function existingOrder(tx: Transaction | Database, userId: string, request: CreateOrderRequest) {
  const order = await tx.order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey: request.idempotencyKey } },
    select: { id: true, requestFingerprint: true },
  });
  if (order && order.requestFingerprint !== fingerprintOf(request)) {
    throw new DomainError('CONFLICT', 'idempotencyKey: this key was already used for a different order');
  }
  return order;
}

/** The restaurant and the priced lines of the request, from the menu as it is in this transaction. */
async function priceFromMenu(tx: Transaction, request: CreateOrderRequest) {
  const restaurant = await tx.restaurant.findUnique({ where: { id: request.restaurantId } });
  if (!restaurant) throw new DomainError('VALIDATION_FAILED', `restaurantId: no restaurant ${request.restaurantId}`);
  const menuItems = await tx.menuItem.findMany({
    where: { id: { in: request.items.map((item) => item.menuItemId) } },
  });
  const menu = new Map<string, MenuPrice>(menuItems.map((item) => [item.id, item]));
  return { restaurant, ...priceOrder(restaurant.id, request.items, menu) };
}

type PricedOrder = Awaited<ReturnType<typeof priceFromMenu>>;

const placedNote = 'order placed; waiting for payment';

/** The order, its items, its first timeline entry and `order.created` in the outbox. Returns the event. */
async function insertPlacedOrder(
  tx: Transaction,
  user: AuthenticatedUser,
  request: CreateOrderRequest,
  priced: PricedOrder,
  placed: { orderId: string; correlationId: string; placedAt: Date },
) {
  const { restaurant, lines, totalCents } = priced;
  const { orderId, correlationId, placedAt } = placed;
  // createMany, not a nested create: one INSERT per table and no read-back; the answer is built from what was written.
  await tx.order.createMany({
    data: {
      id: orderId,
      userId: user.userId,
      restaurantId: restaurant.id,
      status: 'PENDING_PAYMENT',
      totalCents,
      currency: restaurant.currency,
      deliveryAddress: request.deliveryAddress,
      paymentMethod: request.paymentMethod,
      idempotencyKey: request.idempotencyKey,
      requestFingerprint: fingerprintOf(request),
      correlationId,
      createdAt: placedAt,
      updatedAt: placedAt,
    },
  });
  await tx.orderItem.createMany({ data: lines.map((line) => ({ orderId, ...line })) });
  const event = createEvent(
    eventCatalog,
    topics.orderCreated,
    {
      orderId,
      userId: user.userId,
      restaurantId: restaurant.id,
      items: lines,
      totalCents,
      currency: restaurant.currency,
      paymentMethod: request.paymentMethod,
      deliveryAddress: request.deliveryAddress,
    },
    { correlationId, causationId: null },
  );
  await tx.orderTimelineEntry.createMany({
    data: {
      orderId,
      eventId: event.eventId,
      eventType: topics.orderCreated,
      source: 'order',
      status: 'PENDING_PAYMENT',
      note: placedNote,
      payload: JSON.parse(event.value.toString()) as Prisma.InputJsonValue,
      occurredAt: placedAt,
    },
  });
  await writeToOutbox(tx, [event]);
}

/**
 * Writes the order (PENDING_PAYMENT), its items, its first timeline entry and `order.created` in one
 * transaction; the outbox relay publishes the event. Returns the id of the new or already-created order.
 */
export async function createOrder(
  db: Database,
  user: AuthenticatedUser,
  request: CreateOrderRequest,
  facts: { correlationId: string; placedAt: Date },
): Promise<{ created: true; order: OrderDetail } | { created: false; orderId: string }> {
  // No lookup first: the (user, idempotencyKey) unique index refuses a repeat, and the catch below answers it.
  try {
    return await db.$transaction(async (tx) => {
      const priced = await priceFromMenu(tx, request);
      const orderId = randomUUID();
      await insertPlacedOrder(tx, user, request, priced, { orderId, ...facts });
      const order = placedOrderDetail({
        id: orderId,
        userId: user.userId,
        restaurant: { id: priced.restaurant.id, name: priced.restaurant.name },
        totalCents: priced.totalCents,
        currency: priced.restaurant.currency,
        deliveryAddress: request.deliveryAddress,
        paymentMethod: request.paymentMethod,
        items: priced.lines,
        placedAt: facts.placedAt,
        note: placedNote,
      });
      return { created: true as const, order };
    });
  } catch (error) {
    // A repeated create (a retry, or two identical creates racing): it returns the first order.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await existingOrder(db, user.userId, request);
      if (winner) return { created: false, orderId: winner.id };
    }
    throw error;
  }
}
