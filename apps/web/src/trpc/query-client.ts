import {
  defaultShouldDehydrateQuery,
  MutationCache,
  QueryCache,
  QueryClient,
} from '@tanstack/react-query';
import { isClientError } from './trpc-error';

/** `onCallError` sees every failed query and mutation (the browser passes the session-ended handler). */
export function makeQueryClient(onCallError?: (error: unknown) => void) {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onCallError }),
    mutationCache: new MutationCache({ onError: onCallError }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) => !isClientError(error) && failures < 2,
      },
      mutations: { retry: false },
      dehydrate: {
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}
