'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { paymentMethodLabel } from '../../checkout/test-payment-methods';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { LiveIndicator } from '../../components/live-indicator';
import { LoadingRows } from '../../components/loading-rows';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { CancellationNotice } from '../../orders/cancellation-notice';
import { OrderItemsTable } from '../../orders/order-items-table';
import { OrderStatusBadge } from '../../orders/order-status-badge';
import { trpcCodeOf } from '../../trpc/trpc-error';
import { useTRPC } from '../../trpc/trpc-react';
import { useAdminFeedStatus } from '../admin-live-feed';
import { CustomerName } from '../customers/customer-name';
import { useCustomerDirectory } from '../customers/use-customer-directory';
import { SagaTimeline } from './saga-timeline';
import { sagaTimelineEntries } from './saga-timeline-entries';
import { useOrderDeadLetters } from './use-order-dead-letters';

/** One order as operators see it: its facts, and the saga's events with time, source and payload. */
export function AdminOrderDetail({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const live = useAdminFeedStatus();
  const whilePending = (status: string | undefined) =>
    status === 'PENDING_PAYMENT' ? (live === 'live' ? 15_000 : 3_000) : false;
  const order = useQuery(
    trpc.order.adminGet.queryOptions(
      { orderId },
      { refetchInterval: (query) => whilePending(query.state.data?.status) },
    ),
  );
  const customers = useCustomerDirectory(order.data ? [order.data.userId] : []);
  const deadLetters = useOrderDeadLetters(orderId, order.data?.status === 'PENDING_PAYMENT');
  const timeline = useQuery(
    trpc.order.adminTimeline.queryOptions(
      { orderId },
      { refetchInterval: () => whilePending(order.data?.status) },
    ),
  );

  if (order.isPending) return <LoadingRows label="Loading the order…" />;
  if (order.isError) {
    if (trpcCodeOf(order.error) === 'NOT_FOUND') {
      return (
        <EmptyState
          title="Order not found"
          action={
            <Link href="/admin/orders" className="button">
              All orders
            </Link>
          }
        >
          No order has this id.
        </EmptyState>
      );
    }
    return (
      <ErrorNotice
        error={order.error}
        title="The order could not be loaded"
        onRetry={() => void order.refetch()}
      />
    );
  }
  const data = order.data;
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <Link href="/admin/orders" className="back-link">
            ← Orders
          </Link>
          <h1>Order #{shortId(data.id)}</h1>
          <p className="mono small muted">{data.id}</p>
        </div>
        <div className="row">
          <OrderStatusBadge status={data.status} large />
          <LiveIndicator status={live} />
        </div>
      </div>
      {data.cancellation ? <CancellationNotice cancellation={data.cancellation} /> : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="saga-heading">
          <div className="card-title">
            <h2 id="saga-heading">Saga timeline</h2>
            <span className="small muted">
              {timeline.data ? `${timeline.data.events.length} events` : null}
            </span>
          </div>
          {timeline.isPending ? (
            <LoadingRows label="Loading the saga timeline…" />
          ) : timeline.isError ? (
            <ErrorNotice
              error={timeline.error}
              title="The timeline could not be loaded"
              onRetry={() => void timeline.refetch()}
            />
          ) : (
            <SagaTimeline
              entries={sagaTimelineEntries(timeline.data.events, deadLetters.deadLetters)}
            />
          )}
          {deadLetters.error ? (
            <ErrorNotice error={deadLetters.error} title="Dead letters of this order could not be loaded" />
          ) : null}
        </section>
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Order</h2>
          <dl className="facts">
            <div>
              <dt>Customer</dt>
              <dd>
                <Link href={`/admin/orders?customer=${data.userId}`}>
                  <CustomerName userId={data.userId} customer={customers.get(data.userId)} />
                </Link>
              </dd>
            </div>
            <div>
              <dt>Restaurant</dt>
              <dd>{data.restaurant.name}</dd>
            </div>
            <div>
              <dt>Placed</dt>
              <dd>
                <LocalTime iso={data.createdAt} style="precise" />
              </dd>
            </div>
            <div>
              <dt>Last change</dt>
              <dd>
                <LocalTime iso={data.updatedAt} style="precise" />
              </dd>
            </div>
            <div>
              <dt>Payment method</dt>
              <dd>
                {paymentMethodLabel(data.paymentMethod)} <code>{data.paymentMethod}</code>
              </dd>
            </div>
            <div>
              <dt>Delivery address</dt>
              <dd>{data.deliveryAddress}</dd>
            </div>
          </dl>
          <h3 className="facts-spaced">Dishes</h3>
          <OrderItemsTable order={data} />
        </section>
      </div>
    </div>
  );
}
