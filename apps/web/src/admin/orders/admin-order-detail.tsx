'use client';
import { useQuery } from '@tanstack/react-query';
import { DetailHeader } from '../../components/detail-header';
import { EmptyState } from '../../components/empty-state';
import { LiveIndicator } from '../../components/live-indicator';
import { QueryState } from '../../components/query-state';
import { shortId } from '../../format/formatters';
import { CancellationNotice } from '../../orders/cancellation-notice';
import { OrderStatusBadge } from '../../orders/order-status-badge';
import { useTRPC } from '../../trpc/trpc-react';
import { useAdminFeedStatus } from '../admin-live-feed';
import { AdminOrderFacts } from './admin-order-facts';
import { SagaSection } from './saga-section';
import { orderPolling } from '../../orders/poll-while-pending';

/** One order as operators see it: its facts, and the saga's events with time, source and payload. */
export function AdminOrderDetail({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const live = useAdminFeedStatus();
  const order = useQuery(trpc.order.adminGet.queryOptions({ orderId }, orderPolling(live)));
  return (
    <QueryState
      query={order}
      what="the order"
      notFound={
        <EmptyState title="Order not found" link={{ href: '/admin/orders', label: 'All orders' }}>
          No order has this id.
        </EmptyState>
      }
    >
      {(data) => (
        <div className="stack">
          <DetailHeader
            back={{ href: '/admin/orders', label: 'Orders' }}
            title={`Order #${shortId(data.id)}`}
            status={
              <>
                <OrderStatusBadge status={data.status} large />
                <LiveIndicator status={live} />
              </>
            }
          >
            <p className="mono small muted">{data.id}</p>
          </DetailHeader>
          {data.cancellation ? <CancellationNotice cancellation={data.cancellation} /> : null}
          <div className="grid-2">
            <SagaSection order={data} live={live} />
            <AdminOrderFacts order={data} />
          </div>
        </div>
      )}
    </QueryState>
  );
}
