import { randomUUID } from 'node:crypto';
import { eventCatalog, topics, type EventOf } from '@food/contracts';
import { createEvent, type OutgoingEvent } from '@food/kafka-runtime';
import type { Transaction } from '../db.js';
import type { PaymentProvider } from '../provider/payment-provider.js';

type OrderCreatedEvent = EventOf<typeof eventCatalog, typeof topics.orderCreated>;

/**
 * order.created: charge the order once and answer `payment.completed` or `payment.failed`. An order that already
 * has a payment (a duplicated order.created with another event id) is not charged again.
 */
export async function chargeOrder(
  tx: Transaction,
  event: OrderCreatedEvent,
  provider: PaymentProvider,
): Promise<OutgoingEvent[]> {
  const order = event.payload;
  const existing = await tx.payment.findUnique({
    where: { orderId: order.orderId },
    select: { id: true },
  });
  if (existing) return [];
  // Charged inside the open transaction, with the order id as idempotency key: if the process dies after the
  // capture and before the commit, the redelivered order.created gets the provider's first answer back and
  // nothing is charged twice. (Recording intent, charging and recording the result in three steps would give no
  // stronger guarantee with such a key; it would only shorten how long a transaction stays open.)
  const result = await provider.charge({
    idempotencyKey: order.orderId,
    orderId: order.orderId,
    amountCents: order.totalCents,
    currency: order.currency,
    paymentMethod: order.paymentMethod,
  });
  const paymentId = randomUUID();
  const cause = { correlationId: event.correlationId, causationId: event.eventId };
  await tx.payment.create({
    data: {
      id: paymentId,
      orderId: order.orderId,
      userId: order.userId,
      amountCents: order.totalCents,
      currency: order.currency,
      paymentMethod: order.paymentMethod,
      status: result.status === 'captured' ? 'CAPTURED' : 'DECLINED',
      declineReason: result.status === 'declined' ? result.reason : null,
      providerReference: result.status === 'captured' ? result.reference : null,
    },
  });
  if (result.status === 'captured') {
    return [
      createEvent(
        eventCatalog,
        topics.paymentCompleted,
        {
          orderId: order.orderId,
          userId: order.userId,
          paymentId,
          amountCents: order.totalCents,
          currency: order.currency,
        },
        cause,
      ),
    ];
  }
  return [
    createEvent(
      eventCatalog,
      topics.paymentFailed,
      {
        orderId: order.orderId,
        userId: order.userId,
        reason: result.reason,
        message: result.message,
      },
      cause,
    ),
  ];
}
