'use client';
import type { AppRouter } from '@food/api-client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/** The browser's typed tRPC hooks: `useTRPC().order.list.queryOptions(…)` with React Query. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
