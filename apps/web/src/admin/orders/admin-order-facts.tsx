'use client';
import Link from 'next/link';
import { paymentMethodLabel } from '../../checkout/test-payment-methods';
import { FactList } from '../../components/fact-list';
import { LocalTime } from '../../components/local-time';
import { OrderItemsTable } from '../../orders/order-items-table';
import type { RouterOutputs } from '../../trpc/router-types';
import { CustomerName } from '../customers/customer-name';
import { useCustomerDirectory } from '../customers/use-customer-directory';

export type AdminOrder = RouterOutputs['order']['adminGet'];

/** Who ordered what from where, when, how it is paid and where it goes; then its dishes. */
export function AdminOrderFacts({ order }: { order: AdminOrder }) {
  const customers = useCustomerDirectory([order.userId]);
  const customer = (
    <Link href={`/admin/orders?customer=${order.userId}`}>
      <CustomerName userId={order.userId} customer={customers.get(order.userId)} />
    </Link>
  );
  const payment = (
    <>
      {paymentMethodLabel(order.paymentMethod)} <code>{order.paymentMethod}</code>
    </>
  );
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Order</h2>
      <FactList
        facts={[
          { label: 'Customer', value: customer },
          { label: 'Restaurant', value: order.restaurant.name },
          { label: 'Placed', value: <LocalTime iso={order.createdAt} style="precise" /> },
          { label: 'Last change', value: <LocalTime iso={order.updatedAt} style="precise" /> },
          { label: 'Payment method', value: payment },
          { label: 'Delivery address', value: order.deliveryAddress },
        ]}
      />
      <h3 className="facts-spaced">Dishes</h3>
      <OrderItemsTable order={order} />
    </section>
  );
}
