'use client';
import { FilterForm } from '../../components/filter-form';
import { orderStatusLabels, type OrderStatus } from '../../orders/order-status-badge';

export interface OrderFilterValues {
  status: string;
  customer: string;
  from: string;
  to: string;
}

const statusOptions = [
  { value: '', label: 'Any status' },
  ...(Object.keys(orderStatusLabels) as OrderStatus[]).map((status) => ({
    value: status,
    label: orderStatusLabels[status],
  })),
];

/** Status, customer and time range. */
export function AdminOrderFilters({
  values,
  onApply,
}: {
  values: OrderFilterValues;
  onApply: (values: OrderFilterValues) => void;
}) {
  return (
    <FilterForm
      label="Filter orders"
      values={values}
      onApply={onApply}
      fields={[
        { name: 'status', label: 'Status', kind: 'select', options: statusOptions },
        { name: 'customer', label: 'Customer id', kind: 'text', placeholder: 'user uuid' },
        { name: 'from', label: 'Placed from', kind: 'datetime' },
        { name: 'to', label: 'Placed until', kind: 'datetime' },
      ]}
    />
  );
}
