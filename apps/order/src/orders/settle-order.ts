import { eventCatalog, topics, type EventOf } from '@food/contracts';
import { createEvent, type HandlerContext, type OutgoingEvent } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import { decideTransition, isOrderStatus, type OrderStatus } from '../domain/order-status.js';
import { paymentContradiction } from '../domain/payment-check.js';
import type { Prisma } from '../generated/prisma/client.js';

type Catalog = typeof eventCatalog;
type PaymentCompletedEvent = EventOf<Catalog, typeof topics.paymentCompleted>;
type PaymentFailedEvent = EventOf<Catalog, typeof topics.paymentFailed>;

async function lockOrder(tx: Transaction, orderId: string) {
  // Row lock: two payment events of one order are applied one after the other.
  const rows = await tx.$queryRaw<
    Array<{
      status: string;
      user_id: string;
      total_cents: number;
      currency: string;
      payment_id: string | null;
    }>
  >`SELECT status, user_id, total_cents, currency, payment_id::text FROM customer_order WHERE id = ${orderId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || !isOrderStatus(row.status)) return undefined;
  return { ...row, status: row.status };
}

function timelineEntry(
  orderId: string,
  event: { eventId: string; type: string; occurredAt: string },
  payload: unknown,
  source: string,
  status: OrderStatus | null,
  note: string,
): Prisma.OrderTimelineEntryCreateManyInput {
  return {
    orderId,
    eventId: event.eventId,
    eventType: event.type,
    source,
    status,
    note,
    payload: payload as Prisma.InputJsonValue,
    occurredAt: new Date(event.occurredAt),
  };
}

/** Notes in the order's timeline a payment event that changed nothing (ignored, or flagged for an operator). */
function notePaymentEvent(
  tx: Transaction,
  incoming: PaymentCompletedEvent | PaymentFailedEvent,
  note: string,
) {
  const entry = timelineEntry(incoming.payload.orderId, incoming, incoming, 'payment', null, note);
  return tx.orderTimelineEntry.createMany({ data: entry });
}

/** Flags the order for an operator, notes why in its timeline, and refuses the event (it becomes a dead letter). */
async function flagOrder(
  tx: Transaction,
  incoming: PaymentCompletedEvent | PaymentFailedEvent,
  context: HandlerContext,
  flag: { errorClass: 'PAYMENT_MISMATCH' | 'DUPLICATE_PAYMENT'; reason: string },
): Promise<OutgoingEvent[]> {
  const { orderId } = incoming.payload;
  await tx.order.update({
    where: { id: orderId },
    data: { attention: flag.errorClass, attentionNote: flag.reason },
  });
  await notePaymentEvent(tx, incoming, `flagged ${flag.errorClass}: ${flag.reason}`);
  context.reject(flag.errorClass, flag.reason);
  return [];
}

async function settle(
  tx: Transaction,
  incoming: PaymentCompletedEvent | PaymentFailedEvent,
  context: HandlerContext,
  target: OrderStatus,
  outgoing: (
    order: { totalCents: number; currency: string },
    cause: { correlationId: string; causationId: string },
  ) => OutgoingEvent,
  changes: Prisma.OrderUpdateInput,
): Promise<OutgoingEvent[]> {
  const { orderId } = incoming.payload;
  const order = await lockOrder(tx, orderId);
  if (!order) {
    // Orders are stored before order.created is published: a payment event for an unknown order is never early.
    context.reject('UNKNOWN_ORDER', `order ${orderId} does not exist`);
    return [];
  }
  const contradiction = paymentContradiction(
    {
      status: order.status,
      userId: order.user_id,
      totalCents: order.total_cents,
      currency: order.currency,
      paymentId: order.payment_id,
    },
    incoming.type === topics.paymentCompleted
      ? { kind: 'completed', ...(incoming as PaymentCompletedEvent).payload }
      : { kind: 'failed', ...incoming.payload },
  );
  if (contradiction) return flagOrder(tx, incoming, context, contradiction);
  const decision = decideTransition(order.status, target);
  if (!decision.apply) {
    await notePaymentEvent(tx, incoming, `ignored: ${decision.reason}`);
    return [];
  }
  await tx.order.update({
    where: { id: orderId },
    data: { ...changes, status: target, updatedAt: new Date() },
  });
  const event = outgoing(
    { totalCents: order.total_cents, currency: order.currency },
    { correlationId: incoming.correlationId, causationId: incoming.eventId },
  );
  const envelope = JSON.parse(event.value.toString()) as {
    eventId: string;
    type: string;
    occurredAt: string;
  };
  // Both entries in one statement, in timeline order: the event received, then the status it led to.
  await tx.orderTimelineEntry.createMany({
    data: [
      timelineEntry(orderId, incoming, incoming, 'payment', null, `received ${incoming.type}`),
      timelineEntry(
        orderId,
        envelope,
        envelope,
        'order',
        target,
        target === 'CONFIRMED' ? 'order confirmed' : 'order cancelled',
      ),
    ],
  });
  return [event];
}

/** payment.completed: the order is CONFIRMED and `order.confirmed` follows, when the payment matches the order. */
export async function markOrderConfirmed(
  tx: Transaction,
  event: PaymentCompletedEvent,
  context: HandlerContext,
): Promise<OutgoingEvent[]> {
  const { orderId, userId, paymentId } = event.payload;
  return settle(
    tx,
    event,
    context,
    'CONFIRMED',
    (order, cause) =>
      createEvent(eventCatalog, topics.orderConfirmed, { orderId, userId, ...order }, cause),
    { paymentId },
  );
}

/** payment.failed: the compensation. The order is CANCELLED with the reason and `order.cancelled` follows. */
export async function markOrderCancelled(
  tx: Transaction,
  event: PaymentFailedEvent,
  context: HandlerContext,
): Promise<OutgoingEvent[]> {
  const { orderId, userId, reason, message } = event.payload;
  return settle(
    tx,
    event,
    context,
    'CANCELLED',
    (_order, cause) =>
      createEvent(eventCatalog, topics.orderCancelled, { orderId, userId, reason, message }, cause),
    { cancellationReason: reason, cancellationMessage: message },
  );
}
