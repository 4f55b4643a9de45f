import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminOrderDetail } from '@/admin/orders/admin-order-detail';
import { isUuid } from '@/format/is-uuid';

export const metadata: Metadata = { title: 'Order saga' };

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  if (!isUuid(orderId)) notFound();
  return <AdminOrderDetail orderId={orderId} />;
}
