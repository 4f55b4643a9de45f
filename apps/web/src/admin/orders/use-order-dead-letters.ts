'use client';
import { useQueries } from '@tanstack/react-query';
import { deadLetterServices } from '../dead-letters/dead-letter-services';
import { useDeadLetterApi } from '../dead-letters/use-dead-letter-api';

const refetchEveryMs = 5_000;

/**
 * Each service's dead letters of one order (its events are keyed by the order id) with their replays; refetched
 * while the order waits or a replay's outcome is not known yet.
 */
export function useOrderDeadLetters(orderId: string, orderPending: boolean) {
  const api = useDeadLetterApi();
  const queries = useQueries({
    queries: deadLetterServices.map((service) =>
      api.options[service].ofKey.queryOptions(
        { key: orderId },
        {
          refetchInterval: (query) =>
            orderPending ||
            (query.state.data ?? []).some((letter) =>
              letter.actions.some((action) => action.outcome === 'QUEUED'),
            )
              ? refetchEveryMs
              : false,
        },
      ),
    ),
  });
  return {
    deadLetters: deadLetterServices.map((service, index) => ({
      service,
      letters: queries[index]?.data ?? [],
    })),
    error: queries.find((query) => query.isError)?.error ?? null,
  };
}
