import type { OrderCancelled, OrderConfirmed } from '@food/contracts';

/** PAYMENT_* are kinds of notifications written before an order's outcome became the one notification it gives. */
export const notificationKinds = ['PAYMENT_RECEIVED', 'PAYMENT_DECLINED', 'ORDER_CONFIRMED', 'ORDER_CANCELLED'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NotificationText {
  kind: NotificationKind;
  title: string;
  body: string;
}

const shortOrder = (orderId: string) => `#${orderId.slice(0, 8)}`;

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(amountCents: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(amountCents / 100);
}

/** The words a customer reads for each order's outcome: one notification per order. */
export const notificationText = {
  orderConfirmed: (event: OrderConfirmed): NotificationText => ({
    kind: 'ORDER_CONFIRMED',
    title: 'Order confirmed',
    body: `We received your payment of ${formatMoney(event.totalCents, event.currency)}: your order ${shortOrder(event.orderId)} is confirmed and on its way to the kitchen.`,
  }),
  orderCancelled: (event: OrderCancelled): NotificationText => ({
    kind: 'ORDER_CANCELLED',
    title: 'Order cancelled',
    body: `Your order ${shortOrder(event.orderId)} was cancelled: ${event.message} You have not been charged.`,
  }),
};
