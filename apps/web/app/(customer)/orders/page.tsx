import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { MyOrders } from '@/orders/my-orders';

export const metadata: Metadata = { title: 'My orders · Food ordering' };

export default function MyOrdersPage() {
  return (
    <>
      <PageHeader
        title="My orders"
        description="Statuses update by themselves as payments go through."
      />
      <MyOrders />
    </>
  );
}
