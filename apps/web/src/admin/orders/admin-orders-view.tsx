'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/empty-state';
import { LiveIndicator } from '../../components/live-indicator';
import { QueryState } from '../../components/query-state';
import { isoFromLocalInput } from '../../format/local-date-time';
import { orderStatusLabels, type OrderStatus } from '../../orders/order-status-badge';
import { useTRPC } from '../../trpc/trpc-react';
import { useAdminFeedStatus } from '../admin-live-feed';
import { useUrlFilters } from '../use-url-filters';
import { AdminOrderCounts } from './admin-order-counts';
import { AdminOrdersTable } from './admin-orders-table';
import { OrderFilters } from './order-filters';

const filterKeys = ['status', 'customer', 'from', 'to'] as const;
const isOrderStatus = (value: string): value is OrderStatus => value in orderStatusLabels;

/** Every customer's orders: counts per status, filters, and a table that follows the saga live. */
export function AdminOrdersView() {
  const trpc = useTRPC();
  const live = useAdminFeedStatus();
  const [filters, setFilters] = useUrlFilters(filterKeys);
  const range = {
    userId: filters.customer || undefined,
    createdFrom: isoFromLocalInput(filters.from),
    createdTo: isoFromLocalInput(filters.to),
  };
  const status = isOrderStatus(filters.status) ? filters.status : undefined;
  // The admin feed refetches on every change; the interval only covers a feed that is down.
  const refetchInterval = live === 'live' ? 30_000 : 5_000;
  const counts = useQuery(trpc.order.adminCounts.queryOptions(range, { refetchInterval }));
  const orders = useInfiniteQuery(
    trpc.order.adminList.infiniteQueryOptions(
      { ...range, status, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval },
    ),
  );

  return (
    <div className="stack">
      <div className="spread">
        <LiveIndicator status={live} />
      </div>
      <AdminOrderCounts
        counts={counts.data}
        selected={status ?? ''}
        onSelect={(next) => setFilters({ status: next })}
      />
      <OrderFilters values={filters} onApply={setFilters} />
      <QueryState
        query={orders}
        loadMore={orders}
        what="orders"
        loadingRows={6}
        empty={
          !orders.data?.pages[0]?.items.length && (
            <EmptyState card title="No orders match">
              Change or clear the filters to see more orders.
            </EmptyState>
          )
        }
      >
        {(data) => <AdminOrdersTable orders={data.pages.flatMap((page) => page.items)} />}
      </QueryState>
    </div>
  );
}
