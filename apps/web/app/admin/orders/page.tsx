import type { Metadata } from 'next';
import { AdminOrdersView } from '@/admin/orders/admin-orders-view';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'Orders · Admin' };

export default function AdminOrdersPage() {
  return (
    <>
      <PageHeader
        title="Orders"
        description="Every customer's orders. Open one to follow its saga event by event."
      />
      <AdminOrdersView />
    </>
  );
}
