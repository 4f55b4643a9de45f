import 'server-only';
import type { AppRouter } from '@food/api-client';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cache, type ReactNode } from 'react';
import { serverGateway } from '../gateway/server-gateway';
import { makeQueryClient } from './query-client';

/** One query client per server request, shared by the page's prefetches and HydrateClient. */
export const getServerQueryClient = cache(makeQueryClient);

/** tRPC query options for server components: prefetch here, and the client components start with the data. */
export async function serverTrpc() {
  return createTRPCOptionsProxy<AppRouter>({
    client: await serverGateway(),
    queryClient: getServerQueryClient,
  });
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return (
    <HydrationBoundary state={dehydrate(getServerQueryClient())}>{children}</HydrationBoundary>
  );
}
