'use client';
import { DataTable, type Column } from '../components/data-table';
import { Money } from '../components/money';
import type { RouterOutputs } from '../trpc/router-types';

type Order = Pick<RouterOutputs['order']['get'], 'items' | 'totalCents' | 'currency'>;
type OrderLine = Order['items'][number];

const columnsIn = (currency: string): Column<OrderLine>[] => [
  { header: 'Dish', cell: (item) => item.name },
  { header: 'Qty', numeric: true, cell: (item) => item.quantity },
  {
    header: 'Price',
    numeric: true,
    cell: (item) => <Money cents={item.unitPriceCents} currency={currency} />,
  },
  {
    header: 'Subtotal',
    numeric: true,
    cell: (item) => <Money cents={item.unitPriceCents * item.quantity} currency={currency} />,
  },
];

export function OrderItemsTable({ order }: { order: Order }) {
  return (
    <DataTable
      columns={columnsIn(order.currency)}
      rows={order.items}
      rowKey={(item) => item.menuItemId}
      footer={
        <tr>
          <th scope="row" colSpan={3}>
            Total
          </th>
          <td className="numeric">
            <Money cents={order.totalCents} currency={order.currency} />
          </td>
        </tr>
      }
    />
  );
}
