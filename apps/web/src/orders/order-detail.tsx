'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { paymentMethodLabel } from '../checkout/test-payment-methods';
import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { LiveIndicator } from '../components/live-indicator';
import { LoadingRows } from '../components/loading-rows';
import { LocalTime } from '../components/local-time';
import { shortId } from '../format/formatters';
import { useLiveFeedStatus } from '../layout/live-feed';
import { trpcCodeOf } from '../trpc/trpc-error';
import { useTRPC } from '../trpc/trpc-react';
import { CancellationNotice } from './cancellation-notice';
import { OrderHistory } from './order-history';
import { OrderItemsTable } from './order-items-table';
import { OrderStatusBadge, orderStatusLabels } from './order-status-badge';
import { PaymentDelayNotice } from './payment-delay-notice';

/** One of the customer's orders: status (live), why it was cancelled, what was ordered, and its history. */
export function OrderDetail({ orderId, justPlaced }: { orderId: string; justPlaced: boolean }) {
  const trpc = useTRPC();
  const live = useLiveFeedStatus();
  const order = useQuery(
    trpc.order.get.queryOptions(
      { orderId },
      // The live feed refetches on every change; polling while pending only covers a feed that is down.
      {
        refetchInterval: (query) =>
          query.state.data?.status === 'PENDING_PAYMENT'
            ? live === 'live'
              ? 15_000
              : 3_000
            : false,
      },
    ),
  );

  if (order.isPending) return <LoadingRows label="Loading your order…" />;
  if (order.isError) {
    if (trpcCodeOf(order.error) === 'NOT_FOUND') {
      return (
        <EmptyState
          title="Order not found"
          action={
            <Link href="/orders" className="button">
              See my orders
            </Link>
          }
        >
          There is no order with this number on your account.
        </EmptyState>
      );
    }
    return (
      <ErrorNotice
        error={order.error}
        title="Your order could not be loaded"
        onRetry={() => void order.refetch()}
      />
    );
  }

  const data = order.data;
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <Link href="/orders" className="back-link">
            ← My orders
          </Link>
          <h1>
            Order #{shortId(data.id)}{' '}
            <span className="muted small">from {data.restaurant.name}</span>
          </h1>
          <p className="muted">
            Placed <LocalTime iso={data.createdAt} />
          </p>
        </div>
        <div className="row">
          <OrderStatusBadge status={data.status} large />
          {data.status === 'PENDING_PAYMENT' ? <LiveIndicator status={live} /> : null}
        </div>
      </div>
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
    </div>
  );
}
