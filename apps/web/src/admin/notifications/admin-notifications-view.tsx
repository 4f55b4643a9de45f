'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { LiveIndicator } from '../../components/live-indicator';
import { LoadMoreButton } from '../../components/load-more-button';
import { LoadingRows } from '../../components/loading-rows';
import { LocalTime } from '../../components/local-time';
import { shortId } from '../../format/formatters';
import { CustomerName } from '../customers/customer-name';
import { useCustomerDirectory } from '../customers/use-customer-directory';
import {
  isNotificationKind,
  notificationKindLabels,
} from '../../notifications/notification-kind-labels';
import { useTRPC } from '../../trpc/trpc-react';
import { useAdminFeedStatus } from '../admin-live-feed';
import { useUrlFilters } from '../use-url-filters';
import { AdminNotificationFilters } from './admin-notification-filters';

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
  const customers = useCustomerDirectory(items.map((item) => item.userId));
  return (
    <div className="stack">
      <LiveIndicator status={live} />
      <AdminNotificationFilters values={filters} onApply={setFilters} />
      {notifications.isPending ? (
        <LoadingRows label="Loading notifications…" rows={6} />
      ) : notifications.isError ? (
        <ErrorNotice
          error={notifications.error}
          title="Notifications could not be loaded"
          onRetry={() => void notifications.refetch()}
        />
      ) : !items.length ? (
        <div className="card">
          <EmptyState title="No notifications match">Change or clear the filters.</EmptyState>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Sent</th>
                  <th scope="col">User</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Message</th>
                  <th scope="col">Order</th>
                  <th scope="col">Read</th>
                </tr>
              </thead>
              <tbody>
                {items.map((notification) => (
                  <tr
                    key={notification.id}
                    data-testid="admin-notification-row"
                    data-kind={notification.kind}
                  >
                    <td className="nowrap">
                      <LocalTime iso={notification.createdAt} />
                    </td>
                    <td>
                      <Link href={`/admin/notifications?user=${notification.userId}`}>
                        <CustomerName
                          userId={notification.userId}
                          customer={customers.get(notification.userId)}
                        />
                      </Link>
                    </td>
                    <td>
                      <span className="badge badge-neutral">
                        {notificationKindLabels[notification.kind]}
                      </span>
                    </td>
                    <td>
                      <strong>{notification.title}</strong>
                      <div className="small muted cell-clip">{notification.body}</div>
                    </td>
                    <td className="mono">
                      <Link href={`/admin/orders/${notification.orderId}`}>
                        #{shortId(notification.orderId)}
                      </Link>
                    </td>
                    <td className="nowrap small">
                      {notification.readAt ? (
                        <LocalTime iso={notification.readAt} />
                      ) : (
                        <span className="badge badge-pending">Unread</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMoreButton
            hasMore={notifications.hasNextPage}
            loading={notifications.isFetchingNextPage}
            onClick={() => void notifications.fetchNextPage()}
          />
        </>
      )}
    </div>
  );
}
