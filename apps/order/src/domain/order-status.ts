export const orderStatuses = ['PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export type TransitionDecision = { apply: true } | { apply: false; reason: string };

const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: [],
  CANCELLED: [],
};

/** The saga's guard: only a pending order moves, and only to a terminal status. */
export function decideTransition(current: OrderStatus, target: OrderStatus): TransitionDecision {
  if (allowed[current].includes(target)) return { apply: true };
  return { apply: false, reason: `order is already ${current}; ${target} ignored` };
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (orderStatuses as readonly string[]).includes(value);
}
