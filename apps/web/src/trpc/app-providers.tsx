'use client';
import '../security/zod-without-eval';
import type { AppRouter } from '@food/api-client';
import { routeByService } from '@food/api-client';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import { endSessionOnUnauthorized } from '../auth/end-session-on-unauthorized';
import { fetchWithTimeout } from './call-timeout';
import { makeQueryClient } from './query-client';
import { TRPCProvider } from './trpc-react';

let browserQueryClient: QueryClient | undefined;

/** One query client per browser tab; a new one per server render, so users never share a cache. */
function getQueryClient() {
  if (typeof window === 'undefined') return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient(endSessionOnUnauthorized));
}

/**
 * Everything goes to the web app's own /api/trpc (the BFF); subscriptions as SSE, the rest batched per service,
 * each batch given up after a timeout so that a hung request ends in a message and a retry, not a spinner.
 */
function createBrowserTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({ url: '/api/trpc' }),
        false: routeByService<AppRouter>(() =>
          httpBatchLink({ url: '/api/trpc', maxURLLength: 4000, fetch: fetchWithTimeout() }),
        ),
      }),
    ],
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(createBrowserTrpcClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
