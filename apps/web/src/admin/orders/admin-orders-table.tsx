'use client';
import Link from 'next/link';
import { DataTable, type Column } from '../../components/data-table';
import { LocalTime } from '../../components/local-time';
import { Money } from '../../components/money';
import { shortId } from '../../format/formatters';
import { OrderStatusBadge } from '../../orders/order-status-badge';
import type { RouterOutputs } from '../../trpc/router-types';
import { CustomerName } from '../customers/customer-name';
import { useCustomerDirectory, type CustomerIdentity } from '../customers/use-customer-directory';

type AdminOrder = RouterOutputs['order']['adminList']['items'][number];

const columnsWith = (customers: ReadonlyMap<string, CustomerIdentity>): Column<AdminOrder>[] => [
  {
    header: 'Order',
    className: 'mono',
    cell: (order) => (
      <Link
        href={`/admin/orders/${order.id}`}
        aria-label={`Order ${shortId(order.id)}: saga timeline`}
      >
        #{shortId(order.id)}
      </Link>
    ),
  },
  {
    header: 'Status',
    cell: (order) => (
      <>
        <OrderStatusBadge status={order.status} />
        {order.cancellation ? <div className="small muted">{order.cancellation.reason}</div> : null}
      </>
    ),
  },
  { header: 'Placed', className: 'nowrap', cell: (order) => <LocalTime iso={order.createdAt} /> },
  {
    header: 'Customer',
    cell: (order) => <CustomerName userId={order.userId} customer={customers.get(order.userId)} />,
  },
  { header: 'Restaurant', cell: (order) => order.restaurant.name },
  { header: 'Dishes', numeric: true, cell: (order) => order.itemCount },
  {
    header: 'Total',
    numeric: true,
    cell: (order) => <Money cents={order.totalCents} currency={order.currency} />,
  },
];

export function AdminOrdersTable({ orders }: { orders: AdminOrder[] }) {
  const customers = useCustomerDirectory(orders.map((order) => order.userId));
  return (
    <DataTable
      columns={columnsWith(customers)}
      rows={orders}
      rowKey={(order) => order.id}
      rowAttributes={(order) => ({ 'data-testid': 'admin-order-row', 'data-order-id': order.id })}
    />
  );
}
