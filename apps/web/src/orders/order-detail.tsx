'use client';
import { useQuery } from '@tanstack/react-query';
import { paymentMethodLabel } from '../checkout/test-payment-methods';
import { EmptyState } from '../components/empty-state';
import { DetailHeader } from '../components/detail-header';
import { LiveIndicator, type LiveStatus } from '../components/live-indicator';
import { LocalTime } from '../components/local-time';
import { QueryState } from '../components/query-state';
import { shortId } from '../format/formatters';
import { useLiveFeedStatus } from '../layout/live-feed';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-react';
import { CancellationNotice } from './cancellation-notice';
import { OrderHistory } from './order-history';
import { OrderItemsTable } from './order-items-table';
import { OrderStatusBadge, orderStatusLabels } from './order-status-badge';
import { PaymentDelayNotice } from './payment-delay-notice';
import { orderPolling } from './poll-while-pending';

/** One of the customer's orders: status (live), why it was cancelled, what was ordered, and its history. */
export function OrderDetail({ orderId, justPlaced }: { orderId: string; justPlaced: boolean }) {
  const trpc = useTRPC();
  const live = useLiveFeedStatus();
  const order = useQuery(trpc.order.get.queryOptions({ orderId }, orderPolling(live)));

  return (
    <QueryState
      query={order}
      what="your order"
      notFound={
        <EmptyState title="Order not found" link={{ href: '/orders', label: 'See my orders' }}>
          There is no order with this number on your account.
        </EmptyState>
      }
    >
      {(data) => <OrderView data={data} live={live} justPlaced={justPlaced} />}
    </QueryState>
  );
}

function OrderView({
  data,
  live,
  justPlaced,
}: {
  data: RouterOutputs['order']['get'];
  live: LiveStatus;
  justPlaced: boolean;
}) {
  return (
    <div className="stack">
      <DetailHeader
        back={{ href: '/orders', label: 'My orders' }}
        title={
          <>
            Order #{shortId(data.id)}{' '}
            <span className="muted small">from {data.restaurant.name}</span>
          </>
        }
        status={
          <>
            <OrderStatusBadge status={data.status} large />
            {data.status === 'PENDING_PAYMENT' ? <LiveIndicator status={live} /> : null}
          </>
        }
      >
        <p className="muted">
          Placed <LocalTime iso={data.createdAt} />
        </p>
      </DetailHeader>
      <p className="visually-hidden" aria-live="polite">
        Order status: {orderStatusLabels[data.status]}
      </p>
      {justPlaced && data.status === 'PENDING_PAYMENT' ? (
        <p className="notice notice-info" role="status">
          Thank you! Your order is placed. We are taking the payment now; this page updates by
          itself.
        </p>
      ) : null}
      {data.status === 'PENDING_PAYMENT' ? <PaymentDelayNotice placedAt={data.createdAt} /> : null}
      {data.status === 'CONFIRMED' ? (
        <p className="notice notice-success">
          Payment received: your order is confirmed and on its way to the kitchen.
        </p>
      ) : null}
      {data.cancellation ? <CancellationNotice cancellation={data.cancellation} /> : null}
      <OrderSections data={data} />
    </div>
  );
}

/** What was ordered, where it goes and how it is paid, beside the order's status history. */
function OrderSections({ data }: { data: RouterOutputs['order']['get'] }) {
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="items-heading">
        <h2 id="items-heading">What you ordered</h2>
        <OrderItemsTable order={data} />
        <dl className="facts facts-spaced">
          <div>
            <dt>Delivery address</dt>
            <dd>{data.deliveryAddress}</dd>
          </div>
          <div>
            <dt>Payment</dt>
            <dd>{paymentMethodLabel(data.paymentMethod)}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Status history</h2>
        <OrderHistory history={data.history} />
      </section>
    </div>
  );
}
