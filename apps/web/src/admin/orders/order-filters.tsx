'use client';
import { filterBar, optionsOf } from '../../components/filter-form';
import { orderStatusLabels } from '../../orders/order-status-badge';

/** Status, customer and time range. */
export const OrderFilters = filterBar('Filter orders', [
  {
    name: 'status',
    label: 'Status',
    kind: 'select',
    options: optionsOf(orderStatusLabels, 'Any status'),
  },
  { name: 'customer', label: 'Customer id', kind: 'text', placeholder: 'user uuid' },
  { name: 'from', label: 'Placed from', kind: 'datetime' },
  { name: 'to', label: 'Placed until', kind: 'datetime' },
]);
