'use client';
import { orderStatusLabels, type OrderStatus } from '../../orders/order-status-badge';

/** Orders per status at a glance; each card filters the table to its status. */
export function AdminOrderCounts({
  counts,
  selected,
  onSelect,
}: {
  counts: Record<OrderStatus, number> | undefined;
  selected: string;
  onSelect: (status: string) => void;
}) {
  const statuses = Object.keys(orderStatusLabels) as OrderStatus[];
  const total = counts ? statuses.reduce((sum, status) => sum + counts[status], 0) : undefined;
  const card = (status: string, label: string, value: number | undefined) => (
    <button
      key={status || 'all'}
      type="button"
      className="stat"
      aria-pressed={selected === status}
      onClick={() => onSelect(status)}
      data-testid="order-count"
      data-status={status || 'ALL'}
    >
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value ?? '…'}</span>
    </button>
  );
  return (
    <div className="stats" role="group" aria-label="Orders by status">
      {card('', 'All orders', total)}
      {statuses.map((status) => card(status, orderStatusLabels[status], counts?.[status]))}
    </div>
  );
}
