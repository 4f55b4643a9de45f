'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { MorePages } from '../../components/load-more-button';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterFilter } from './dead-letter-types';
import { mergeNewestFirst } from './merge-newest-first';
import { useDeadLetterApi } from './use-dead-letter-api';

const pageSize = 50;
/** The list refetches this often, so replayed letters change status (and new ones appear) without a reload. */
const refetchEveryMs = 5_000;

/** The list of each queue the filter can match, merged newest first (a row waits while another queue may have newer). */
export function useDeadLetterQueues(filter: DeadLetterFilter, services: DeadLetterService[]) {
  const api = useDeadLetterApi();
  const listOf = (service: DeadLetterService) =>
    api.options[service].list.infiniteQueryOptions(
      { ...filter, limit: pageSize },
      {
        enabled: services.includes(service),
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: refetchEveryMs,
      },
    );
  const queues = {
    order: useInfiniteQuery(listOf('order')),
    payment: useInfiniteQuery(listOf('payment')),
    notification: useInfiniteQuery(listOf('notification')),
  };
  const active = services.map((service) => ({ service, query: queues[service] }));
  const loading = active.some(({ query }) => query.isPending);
  const failed = active.find(({ query }) => query.isError)?.query;
  const total = active.reduce((sum, { query }) => sum + (query.data?.pages[0]?.total ?? 0), 0);
  const { rows, heldBack } = mergeNewestFirst(
    active.map(({ service, query }) => ({
      service,
      items: query.data?.pages.flatMap((page) => page.items) ?? [],
      hasMore: query.hasNextPage,
    })),
  );
  const more: MorePages = {
    hasNextPage: active.some(({ query }) => query.hasNextPage),
    isFetchingNextPage: active.some(({ query }) => query.isFetchingNextPage),
    fetchNextPage: () =>
      active
        .filter(({ query }) => query.hasNextPage)
        .forEach(({ query }) => void query.fetchNextPage()),
  };
  return { loading, failed, total, rows, heldBack, more };
}
