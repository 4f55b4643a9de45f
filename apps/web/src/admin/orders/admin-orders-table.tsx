'use client';
import Link from 'next/link';
import { LocalTime } from '../../components/local-time';
import { Money } from '../../components/money';
import { shortId } from '../../format/formatters';
import { OrderStatusBadge } from '../../orders/order-status-badge';
import type { RouterOutputs } from '../../trpc/router-types';
import { CustomerName } from '../customers/customer-name';
import { useCustomerDirectory } from '../customers/use-customer-directory';

type AdminOrder = RouterOutputs['order']['adminList']['items'][number];

export function AdminOrdersTable({ orders }: { orders: AdminOrder[] }) {
  const customers = useCustomerDirectory(orders.map((order) => order.userId));
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Status</th>
            <th scope="col">Placed</th>
            <th scope="col">Customer</th>
            <th scope="col">Restaurant</th>
            <th scope="col" className="numeric">
              Dishes
            </th>
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} data-testid="admin-order-row" data-order-id={order.id}>
              <td className="mono">
                <Link
                  href={`/admin/orders/${order.id}`}
                  aria-label={`Order ${shortId(order.id)}: saga timeline`}
                >
                  #{shortId(order.id)}
                </Link>
              </td>
              <td>
                <OrderStatusBadge status={order.status} />
                {order.cancellation ? (
                  <div className="small muted">{order.cancellation.reason}</div>
                ) : null}
              </td>
              <td className="nowrap">
                <LocalTime iso={order.createdAt} />
              </td>
              <td>
                <CustomerName userId={order.userId} customer={customers.get(order.userId)} />
              </td>
              <td>{order.restaurant.name}</td>
              <td className="numeric">{order.itemCount}</td>
              <td className="numeric">
                <Money cents={order.totalCents} currency={order.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
