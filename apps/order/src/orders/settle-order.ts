import {
  eventCatalog,
  topics,
  type EventOf,
} from '@food/contracts';
import { createEvent, type OutgoingEvent } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { decideTransition, isOrderStatus, type OrderStatus } from '../domain/order-status.js';
import type { Prisma } from '../generated/prisma/client.js';

type Catalog = typeof eventCatalog;
type PaymentCompletedEvent = EventOf<Catalog, typeof topics.paymentCompleted>;
type PaymentFailedEvent = EventOf<Catalog, typeof topics.paymentFailed>;

async function lockOrder(tx: Transaction, orderId: string) {
  // Row lock: two payment events of one order are applied one after the other.
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM customer_order WHERE id = ${orderId}::uuid FOR UPDATE`;
  const status = rows[0]?.status;
  return status && isOrderStatus(status) ? status : undefined;
}

function recordEvent(
  tx: Transaction,
  orderId: string,
  event: { eventId: string; type: string; occurredAt: string },
  payload: unknown,
  source: string,
  status: OrderStatus | null,
  note: string,
) {
  return tx.orderTimelineEntry.create({
    data: {
      orderId,
      eventId: event.eventId,
      eventType: event.type,
      source,
      status,
      note,
      payload: payload as Prisma.InputJsonValue,
      occurredAt: new Date(event.occurredAt),
    },
  });
}

async function settle(
  tx: Transaction,
  incoming: PaymentCompletedEvent | PaymentFailedEvent,
  target: OrderStatus,
  outgoing: (cause: { correlationId: string; causationId: string }) => OutgoingEvent,
  changes: Prisma.OrderUpdateInput,
): Promise<OutgoingEvent[]> {
  const { orderId } = incoming.payload;
  const current = await lockOrder(tx, orderId);
  if (!current) throw new Error(`order ${orderId} does not exist`); // retried, then dead-lettered for an operator
  const decision = decideTransition(current, target);
  if (!decision.apply) {
    await recordEvent(tx, orderId, incoming, incoming, 'payment', null, `ignored: ${decision.reason}`);
    return [];
  }
  await recordEvent(tx, orderId, incoming, incoming, 'payment', null, `received ${incoming.type}`);
  await tx.order.update({ where: { id: orderId }, data: { ...changes, status: target, updatedAt: new Date() } });
  const event = outgoing({ correlationId: incoming.correlationId, causationId: incoming.eventId });
  const envelope = JSON.parse(event.value.toString()) as { eventId: string; type: string; occurredAt: string };
  await recordEvent(tx, orderId, envelope, envelope, 'order', target, target === 'CONFIRMED' ? 'order confirmed' : 'order cancelled');
  return [event];
}

/** payment.completed: the order is CONFIRMED and `order.confirmed` follows. */
export async function markOrderConfirmed(tx: Transaction, event: PaymentCompletedEvent): Promise<OutgoingEvent[]> {
  const { orderId, userId, amountCents, currency } = event.payload;
  return settle(
    tx,
    event,
    'CONFIRMED',
    (cause) => createEvent(eventCatalog, topics.orderConfirmed, { orderId, userId, totalCents: amountCents, currency }, cause),
    {},
  );
}

/** payment.failed: the compensation. The order is CANCELLED with the reason and `order.cancelled` follows. */
export async function markOrderCancelled(tx: Transaction, event: PaymentFailedEvent): Promise<OutgoingEvent[]> {
  const { orderId, userId, reason, message } = event.payload;
  return settle(
    tx,
    event,
    'CANCELLED',
    (cause) => createEvent(eventCatalog, topics.orderCancelled, { orderId, userId, reason, message }, cause),
    { cancellationReason: reason, cancellationMessage: message },
  );
}
