import {
  defaultShouldDehydrateQuery,
  MutationCache,
  QueryCache,
  QueryClient,
} from '@tanstack/react-query';
import { isCallTimeout } from './call-timeout';
import { isClientError } from './trpc-error';

/** `onCallError` sees every failed query and mutation (the browser passes the session-ended handler). */
export function makeQueryClient(onCallError?: (error: unknown) => void) {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onCallError }),
    mutationCache: new MutationCache({ onError: onCallError }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A call that timed out already made the user wait: show it with a retry rather than wait again unasked.
        retry: (failures, error) => !isClientError(error) && !isCallTimeout(error) && failures < 2,
      },
      mutations: { retry: false },
      dehydrate: {
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}
