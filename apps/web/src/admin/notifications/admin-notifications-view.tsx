'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/empty-state';
import { LiveIndicator } from '../../components/live-indicator';
import { QueryState } from '../../components/query-state';
import { isNotificationKind } from '../../notifications/notification-kind-labels';
import { useTRPC } from '../../trpc/trpc-react';
import { useAdminFeedStatus } from '../admin-live-feed';
import { useUrlFilters } from '../use-url-filters';
import { AdminNotificationsTable } from './admin-notifications-table';
import { NotificationFilters } from './notification-filters';

const filterKeys = ['user', 'kind'] as const;

/** Every user's notifications, newest first, filtered by user and kind; live. */
export function AdminNotificationsView() {
  const trpc = useTRPC();
  const live = useAdminFeedStatus();
  const [filters, setFilters] = useUrlFilters(filterKeys);
  const notifications = useInfiniteQuery(
    trpc.notification.adminList.infiniteQueryOptions(
      {
        userId: filters.user || undefined,
        kind: isNotificationKind(filters.kind) ? filters.kind : undefined,
        limit: 50,
      },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: live === 'live' ? 30_000 : 5_000,
      },
    ),
  );
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack">
      <LiveIndicator status={live} />
      <NotificationFilters values={filters} onApply={setFilters} />
      <QueryState
        query={notifications}
        loadMore={notifications}
        what="notifications"
        loadingRows={6}
        empty={
          !items.length && (
            <EmptyState card title="No notifications match">
              Change or clear the filters.
            </EmptyState>
          )
        }
      >
        {() => <AdminNotificationsTable notifications={items} />}
      </QueryState>
    </div>
  );
}
