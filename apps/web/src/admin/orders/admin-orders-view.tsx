'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { LiveIndicator } from '../../components/live-indicator';
import { LoadMoreButton } from '../../components/load-more-button';
import { LoadingRows } from '../../components/loading-rows';
import { isoFromLocalInput } from '../../format/local-date-time';
import { orderStatusLabels, type OrderStatus } from '../../orders/order-status-badge';
import { useTRPC } from '../../trpc/trpc-react';
import { useAdminFeedStatus } from '../admin-live-feed';
import { useUrlFilters } from '../use-url-filters';
import { AdminOrderCounts } from './admin-order-counts';
import { AdminOrderFilters } from './admin-order-filters';
import { AdminOrdersTable } from './admin-orders-table';

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
      <AdminOrderFilters values={filters} onApply={setFilters} />
      {orders.isPending ? (
        <LoadingRows label="Loading orders…" rows={6} />
      ) : orders.isError ? (
        <ErrorNotice
          error={orders.error}
          title="Orders could not be loaded"
          onRetry={() => void orders.refetch()}
        />
      ) : orders.data.pages[0]?.items.length ? (
        <>
          <AdminOrdersTable orders={orders.data.pages.flatMap((page) => page.items)} />
          <LoadMoreButton
            hasMore={orders.hasNextPage}
            loading={orders.isFetchingNextPage}
            onClick={() => void orders.fetchNextPage()}
          />
        </>
      ) : (
        <div className="card">
          <EmptyState title="No orders match">
            Change or clear the filters to see more orders.
          </EmptyState>
        </div>
      )}
    </div>
  );
}
