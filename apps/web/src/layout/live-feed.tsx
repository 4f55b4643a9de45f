'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, useRef, type ReactNode } from 'react';
import type { LiveStatus } from '../components/live-indicator';
import { useTRPC } from '../trpc/trpc-react';
import { useToast } from './toast-provider';

const LiveFeedContext = createContext<LiveStatus>('offline');

/**
 * The signed-in user's live feed (notification.feed over SSE): every item refetches the notification and order
 * queries, so a status change or a new notification shows without a reload, and pops a toast.
 */
export function LiveFeedProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  // One toast per notification, whatever delivers it twice (a reconnecting stream, a second feed of the page).
  const seen = useRef(new Set<string>());
  const feed = useSubscription(
    trpc.notification.feed.subscriptionOptions(undefined, {
      onData(item) {
        if (seen.current.has(item.id)) return;
        seen.current.add(item.id);
        if (seen.current.size > 500) seen.current.delete(seen.current.values().next().value ?? '');
        void queryClient.invalidateQueries(trpc.notification.pathFilter());
        if (item.orderId) void queryClient.invalidateQueries(trpc.order.pathFilter());
        toast({
          title: item.title,
          body: item.body,
          href: item.orderId ? `/orders/${item.orderId}` : '/notifications',
          linkLabel: 'View order',
        });
      },
    }),
  );
  const status: LiveStatus =
    feed.status === 'pending' ? 'live' : feed.status === 'connecting' ? 'connecting' : 'offline';
  return <LiveFeedContext.Provider value={status}>{children}</LiveFeedContext.Provider>;
}

export const useLiveFeedStatus = () => useContext(LiveFeedContext);
