'use client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { LiveIndicator } from '../components/live-indicator';
import { LoadMoreButton } from '../components/load-more-button';
import { LoadingRows } from '../components/loading-rows';
import { useLiveFeedStatus } from '../layout/live-feed';
import { useTRPC } from '../trpc/trpc-react';
import { NotificationItem, type NotificationEntry } from './notification-item';

/** The customer's notifications, newest first, live; mark one or all as read. */
export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = useLiveFeedStatus();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const unread = useQuery(trpc.notification.unreadCount.queryOptions());
  const notifications = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { unreadOnly, limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: live === 'live' ? false : 10_000,
      },
    ),
  );
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess(result) {
        setAnnouncement(
          result.marked === 1
            ? 'Marked as read.'
            : `${result.marked} notifications marked as read.`,
        );
        return queryClient.invalidateQueries(trpc.notification.pathFilter());
      },
    }),
  );
  const unreadCount = unread.data?.unread ?? 0;

  return (
    <div className="stack">
      <div className="spread">
        <div className="row">
          <label className="row small">
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(event) => setUnreadOnly(event.target.checked)}
            />
            Unread only
          </label>
          <LiveIndicator status={live} />
        </div>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => markRead.mutate({})}
          disabled={unreadCount === 0 || markRead.isPending}
          data-testid="mark-all-read"
        >
          Mark all as read{unreadCount ? ` (${unreadCount})` : ''}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {markRead.isError ? (
        <ErrorNotice error={markRead.error} title="Could not mark as read" />
      ) : null}
      {notifications.isPending ? (
        <LoadingRows label="Loading notifications…" />
      ) : notifications.isError ? (
        <ErrorNotice
          error={notifications.error}
          title="Notifications could not be loaded"
          onRetry={() => void notifications.refetch()}
        />
      ) : (
        <NotificationPages
          pages={notifications.data.pages}
          unreadOnly={unreadOnly}
          onMarkRead={(id) => markRead.mutate({ ids: [id] })}
          marking={markRead.isPending}
        />
      )}
      {notifications.data ? (
        <LoadMoreButton
          hasMore={notifications.hasNextPage}
          loading={notifications.isFetchingNextPage}
          onClick={() => void notifications.fetchNextPage()}
        />
      ) : null}
    </div>
  );
}

function NotificationPages({
  pages,
  unreadOnly,
  onMarkRead,
  marking,
}: {
  pages: Array<{ items: NotificationEntry[] }>;
  unreadOnly: boolean;
  onMarkRead: (id: string) => void;
  marking: boolean;
}) {
  const items = pages.flatMap((page) => page.items);
  if (!items.length) {
    return (
      <div className="card">
        <EmptyState
          title={unreadOnly ? 'All caught up' : 'No notifications yet'}
          action={
            unreadOnly ? undefined : (
              <Link href="/" className="button">
                Order something
              </Link>
            )
          }
        >
          {unreadOnly
            ? 'You have read every notification.'
            : 'We will tell you here when your orders are paid, confirmed or cancelled.'}
        </EmptyState>
      </div>
    );
  }
  return (
    <ul className="card notification-list">
      {items.map((notification) => (
        <NotificationItem
          key={notification.id}
          notification={notification}
          onMarkRead={() => onMarkRead(notification.id)}
          marking={marking}
        />
      ))}
    </ul>
  );
}
