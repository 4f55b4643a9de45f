'use client';
import { Money } from '../components/money';
import type { RouterOutputs } from '../trpc/router-types';

type Order = RouterOutputs['order']['get'];

export function OrderItemsTable({
  order,
}: {
  order: Pick<Order, 'items' | 'totalCents' | 'currency'>;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Dish</th>
            <th scope="col" className="numeric">
              Qty
            </th>
            <th scope="col" className="numeric">
              Price
            </th>
            <th scope="col" className="numeric">
              Subtotal
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.menuItemId}>
              <td>{item.name}</td>
              <td className="numeric">{item.quantity}</td>
              <td className="numeric">
                <Money cents={item.unitPriceCents} currency={order.currency} />
              </td>
              <td className="numeric">
                <Money cents={item.unitPriceCents * item.quantity} currency={order.currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="numeric">
              <Money cents={order.totalCents} currency={order.currency} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
