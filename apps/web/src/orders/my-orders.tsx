'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { LiveIndicator } from '../components/live-indicator';
import { LoadMoreButton } from '../components/load-more-button';
import { LoadingRows } from '../components/loading-rows';
import { LocalTime } from '../components/local-time';
import { Money } from '../components/money';
import { shortId } from '../format/formatters';
import { useLiveFeedStatus } from '../layout/live-feed';
import { useTRPC } from '../trpc/trpc-react';
import { OrderStatusBadge } from './order-status-badge';

/** The customer's orders, newest first; statuses change in place as payments settle. */
export function MyOrders() {
  const trpc = useTRPC();
  const live = useLiveFeedStatus();
  const orders = useInfiniteQuery(
    trpc.order.list.infiniteQueryOptions(
      { limit: 10 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: (query) =>
          query.state.data?.pages.some((page) =>
            page.items.some((order) => order.status === 'PENDING_PAYMENT'),
          )
            ? live === 'live'
              ? 15_000
              : 3_000
            : false,
      },
    ),
  );

  if (orders.isPending) return <LoadingRows label="Loading your orders…" />;
  if (orders.isError)
    return (
      <ErrorNotice
        error={orders.error}
        title="Your orders could not be loaded"
        onRetry={() => void orders.refetch()}
      />
    );
  const items = orders.data.pages.flatMap((page) => page.items);
  if (!items.length) {
    return (
      <div className="card">
        <EmptyState
          title="No orders yet"
          action={
            <Link href="/" className="button">
              Browse the menu
            </Link>
          }
        >
          When you place an order, you can follow it here.
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      <p className="small">
        <LiveIndicator status={live} />
      </p>
      <ul className="order-list">
        {items.map((order) => (
          <li key={order.id}>
            <Link
              href={`/orders/${order.id}`}
              className="card order-card"
              data-testid="order-card"
              data-order-id={order.id}
            >
              <strong>
                {order.restaurant.name} <span className="muted small">#{shortId(order.id)}</span>
              </strong>
              <OrderStatusBadge status={order.status} />
              <span className="small muted">
                <LocalTime iso={order.createdAt} /> · {order.itemCount}{' '}
                {order.itemCount === 1 ? 'dish' : 'dishes'}
              </span>
              <Money cents={order.totalCents} currency={order.currency} />
              {order.cancellation ? (
                <span className="small text-bad">{order.cancellation.message}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
      <LoadMoreButton
        hasMore={orders.hasNextPage}
        loading={orders.isFetchingNextPage}
        onClick={() => void orders.fetchNextPage()}
      />
    </>
  );
}
