'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { EmptyState } from '../components/empty-state';
import { LiveIndicator } from '../components/live-indicator';
import { LocalTime } from '../components/local-time';
import { Money } from '../components/money';
import { QueryState } from '../components/query-state';
import { shortId } from '../format/formatters';
import { useLiveFeedStatus } from '../layout/live-feed';
import type { RouterOutputs } from '../trpc/router-types';
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

  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <QueryState
      query={orders}
      loadMore={orders}
      what="your orders"
      empty={
        !items.length && (
          <EmptyState card title="No orders yet" link={{ href: '/', label: 'Browse the menu' }}>
            When you place an order, you can follow it here.
          </EmptyState>
        )
      }
    >
      {() => (
        <>
          <p className="small">
            <LiveIndicator status={live} />
          </p>
          <ul className="order-list">
            {items.map((order) => (
              <li key={order.id}>
                <OrderCard order={order} />
              </li>
            ))}
          </ul>
        </>
      )}
    </QueryState>
  );
}

/** One order at a glance: where from, its status, when, how many dishes, the total; a link to the order. */
function OrderCard({ order }: { order: RouterOutputs['order']['list']['items'][number] }) {
  return (
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
  );
}
