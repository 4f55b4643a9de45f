import type { RouterOutputs } from '../trpc/router-types';

export type OrderStatus = RouterOutputs['order']['get']['status'];

export const orderStatusLabels: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'Pending payment',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
};

const tones: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'badge-pending',
  CONFIRMED: 'badge-ok',
  CANCELLED: 'badge-bad',
};

export function OrderStatusBadge({
  status,
  large = false,
}: {
  status: OrderStatus;
  large?: boolean;
}) {
  return (
    <span
      className={`badge ${tones[status]}${large ? ' badge-large' : ''}`}
      data-testid="order-status"
      data-status={status}
    >
      {orderStatusLabels[status]}
    </span>
  );
}
