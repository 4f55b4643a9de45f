'use client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { LiveIndicator } from '../components/live-indicator';
import { QueryState } from '../components/query-state';
import { useLiveFeedStatus } from '../layout/live-feed';
import { useTRPC } from '../trpc/trpc-react';
import { NotificationItem, type NotificationEntry } from './notification-item';

/** Unread only, the live feed's state, and Mark all as read with how many are unread. */
function NotificationToolbar({
  unreadOnly,
  onUnreadOnly,
  marking,
  onMarkAllRead,
}: {
  unreadOnly: boolean;
  onUnreadOnly: (unreadOnly: boolean) => void;
  marking: boolean;
  onMarkAllRead: () => void;
}) {
  const trpc = useTRPC();
  const live = useLiveFeedStatus();
  const unread = useQuery(trpc.notification.unreadCount.queryOptions());
  const unreadCount = unread.data?.unread ?? 0;
  return (
    <div className="spread">
      <div className="row">
        <label className="row small">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => onUnreadOnly(event.target.checked)}
          />
          Unread only
        </label>
        <LiveIndicator status={live} />
      </div>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={onMarkAllRead}
        disabled={unreadCount === 0 || marking}
        data-testid="mark-all-read"
      >
        Mark all as read{unreadCount ? ` (${unreadCount})` : ''}
      </button>
    </div>
  );
}

/** The customer's notifications, newest first, live; mark one or all as read. */
export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = useLiveFeedStatus();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [announcement, setAnnouncement] = useState('');
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
  return (
    <div className="stack">
      <NotificationToolbar
        unreadOnly={unreadOnly}
        onUnreadOnly={setUnreadOnly}
        marking={markRead.isPending}
        onMarkAllRead={() => markRead.mutate({})}
      />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {markRead.isError ? (
        <ErrorNotice error={markRead.error} title="Could not mark as read" />
      ) : null}
      <QueryState query={notifications} loadMore={notifications} what="notifications">
        {(data) => (
          <NotificationPages
            pages={data.pages}
            unreadOnly={unreadOnly}
            onMarkRead={(id) => markRead.mutate({ ids: [id] })}
            marking={markRead.isPending}
          />
        )}
      </QueryState>
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
      <EmptyState
        card
        title={unreadOnly ? 'All caught up' : 'No notifications yet'}
        link={unreadOnly ? undefined : { href: '/', label: 'Order something' }}
      >
        {unreadOnly
          ? 'You have read every notification.'
          : 'We will tell you here when your orders are paid, confirmed or cancelled.'}
      </EmptyState>
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
