'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../trpc/trpc-react';

/** The header's bell: unread count, kept current by the live feed (and a slow poll if the feed is down). */
export function NotificationBell() {
  const trpc = useTRPC();
  const unread = useQuery(
    trpc.notification.unreadCount.queryOptions(undefined, { refetchInterval: 60_000 }),
  );
  const count = unread.data?.unread ?? 0;
  return (
    <Link
      href="/notifications"
      className="bell"
      aria-label={count ? `Notifications, ${count} unread` : 'Notifications, none unread'}
      data-testid="notification-bell"
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {count > 0 ? (
        <span className="bell-count" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
