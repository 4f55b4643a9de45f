import type { OrderCancelled, OrderConfirmed, PaymentCompleted, PaymentFailed } from '@food/contracts';

export const notificationKinds = ['PAYMENT_RECEIVED', 'PAYMENT_DECLINED', 'ORDER_CONFIRMED', 'ORDER_CANCELLED'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NotificationText {
  kind: NotificationKind;
  title: string;
  body: string;
}

const shortOrder = (orderId: string) => `#${orderId.slice(0, 8)}`;

export function formatMoney(amountCents: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amountCents / 100);
}

/** The words a customer reads for each user-visible event. */
export const notificationText = {
  paymentReceived: (event: PaymentCompleted): NotificationText => ({
    kind: 'PAYMENT_RECEIVED',
    title: 'Payment received',
    body: `We received your payment of ${formatMoney(event.amountCents, event.currency)} for order ${shortOrder(event.orderId)}.`,
  }),
  paymentDeclined: (event: PaymentFailed): NotificationText => ({
    kind: 'PAYMENT_DECLINED',
    title: 'Payment declined',
    body: `Your payment for order ${shortOrder(event.orderId)} did not go through: ${event.message}`,
  }),
  orderConfirmed: (event: OrderConfirmed): NotificationText => ({
    kind: 'ORDER_CONFIRMED',
    title: 'Order confirmed',
    body: `Your order ${shortOrder(event.orderId)} (${formatMoney(event.totalCents, event.currency)}) is confirmed and on its way to the kitchen.`,
  }),
  orderCancelled: (event: OrderCancelled): NotificationText => ({
    kind: 'ORDER_CANCELLED',
    title: 'Order cancelled',
    body: `Your order ${shortOrder(event.orderId)} was cancelled: ${event.message} You have not been charged.`,
  }),
};
