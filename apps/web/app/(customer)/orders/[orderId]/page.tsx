import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { searchParam, type SearchParams } from '@/auth/search-param';
import { OrderDetail } from '@/orders/order-detail';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/trpc/server-trpc';
import { isUuid } from '@/format/is-uuid';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: SearchParams;
}) {
  const { orderId } = await params;
  if (!isUuid(orderId)) notFound();
  const trpc = await serverTrpc();
  await getServerQueryClient().prefetchQuery(trpc.order.get.queryOptions({ orderId }));
  return (
    <HydrateClient>
      <OrderDetail
        orderId={orderId}
        justPlaced={searchParam(await searchParams, 'placed') === '1'}
      />
    </HydrateClient>
  );
}
