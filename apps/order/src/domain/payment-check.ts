import type { OrderStatus } from './order-status.js';

export interface OrderFacts {
  status: OrderStatus;
  userId: string;
  totalCents: number;
  currency: string;
  /** The payment that confirmed the order, once one has. */
  paymentId: string | null;
}

export type PaymentFacts =
  | { kind: 'completed'; userId: string; paymentId: string; amountCents: number; currency: string }
  | { kind: 'failed'; userId: string };

export interface Contradiction {
  errorClass: 'PAYMENT_MISMATCH' | 'DUPLICATE_PAYMENT';
  reason: string;
}

const money = (cents: number, currency: string) => `${currency} ${(cents / 100).toFixed(2)}`;

/**
 * What a payment event says that the order itself contradicts: another customer, another amount or currency, or
 * a second capture for an order already settled (someone was charged twice, or for a cancelled order). A schema
 * says the event is well-formed; only the order can say it is true. Null when nothing contradicts it.
 */
export function paymentContradiction(
  order: OrderFacts,
  payment: PaymentFacts,
): Contradiction | null {
  if (payment.userId !== order.userId) {
    return {
      errorClass: 'PAYMENT_MISMATCH',
      reason: 'the payment names another customer than the order',
    };
  }
  if (payment.kind === 'failed') return null;
  if (payment.amountCents !== order.totalCents || payment.currency !== order.currency) {
    return {
      errorClass: 'PAYMENT_MISMATCH',
      reason: `payment of ${money(payment.amountCents, payment.currency)} for an order of ${money(order.totalCents, order.currency)}`,
    };
  }
  if (order.status === 'PENDING_PAYMENT' || payment.paymentId === order.paymentId) return null;
  return {
    errorClass: 'DUPLICATE_PAYMENT',
    reason:
      order.status === 'CONFIRMED'
        ? `payment ${payment.paymentId} for an order already paid by ${order.paymentId ?? 'another payment'}`
        : `payment ${payment.paymentId} for an order already ${order.status}`,
  };
}
