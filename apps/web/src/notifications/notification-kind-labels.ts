import type { RouterOutputs } from '../trpc/router-types';

export type NotificationKind = RouterOutputs['notification']['adminList']['items'][number]['kind'];

export const notificationKindLabels: Record<NotificationKind, string> = {
  PAYMENT_RECEIVED: 'Payment received',
  PAYMENT_DECLINED: 'Payment declined',
  ORDER_CONFIRMED: 'Order confirmed',
  ORDER_CANCELLED: 'Order cancelled',
};

export const isNotificationKind = (value: string): value is NotificationKind =>
  value in notificationKindLabels;
