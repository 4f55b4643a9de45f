import type { LiveStatus } from '../components/live-indicator';

/**
 * How often to refetch an order: while it waits for its payment, often when the live feed is down and rarely when
 * it is up (the feed refetches on every change; polling only covers a feed that is down); once it settled, never.
 */
export function pollWhilePending(live: LiveStatus) {
  return (status: string | undefined): number | false =>
    status === 'PENDING_PAYMENT' ? (live === 'live' ? 15_000 : 3_000) : false;
}

/** The refetch option of an order's query: polled while it waits for its payment (see pollWhilePending). */
export function orderPolling(live: LiveStatus) {
  return {
    refetchInterval: (query: { state: { data?: { status: string } | undefined } }) =>
      pollWhilePending(live)(query.state.data?.status),
  };
}
