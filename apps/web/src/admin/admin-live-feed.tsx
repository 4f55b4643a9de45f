'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, useRef, type ReactNode } from 'react';
import type { LiveStatus } from '../components/live-indicator';
import { useTRPC } from '../trpc/trpc-react';

const AdminFeedContext = createContext<LiveStatus>('offline');

/** Refetches at most this often while items stream in (a burst of orders is one refetch, not fifty). */
const refetchEveryMs = 1_000;

/**
 * Every user's notifications as they happen (notification.adminFeed over SSE): each refetches the admin order and
 * notification views, so the console follows the saga without a reload.
 */
export function AdminLiveFeedProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scheduled = useRef<ReturnType<typeof setTimeout> | null>(null);
  const feed = useSubscription(
    trpc.notification.adminFeed.subscriptionOptions(undefined, {
      onData() {
        if (scheduled.current) return;
        scheduled.current = setTimeout(() => {
          scheduled.current = null;
          void queryClient.invalidateQueries(trpc.order.pathFilter());
          void queryClient.invalidateQueries(trpc.notification.adminList.pathFilter());
        }, refetchEveryMs);
      },
    }),
  );
  const status: LiveStatus =
    feed.status === 'pending' ? 'live' : feed.status === 'connecting' ? 'connecting' : 'offline';
  return <AdminFeedContext.Provider value={status}>{children}</AdminFeedContext.Provider>;
}

export const useAdminFeedStatus = () => useContext(AdminFeedContext);
