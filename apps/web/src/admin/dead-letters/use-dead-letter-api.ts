'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC, useTRPCClient } from '../../trpc/trpc-react';
import type { DeadLetterService } from './dead-letter-services';

/**
 * Each service's dead-letter API (the same router in order, payment and notification): query options for React
 * Query, direct calls for actions that span services, and one way to refetch them all after a change.
 */
export function useDeadLetterApi() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMemo(() => {
    const options = {
      order: trpc.order.deadLetters,
      payment: trpc.payment.deadLetters,
      notification: trpc.notification.deadLetters,
    };
    const calls = {
      order: client.order.deadLetters,
      payment: client.payment.deadLetters,
      notification: client.notification.deadLetters,
    };
    const refetchAll = () =>
      Promise.all(
        Object.values(options).map((router) => queryClient.invalidateQueries(router.pathFilter())),
      ).then(() => undefined);
    return {
      options: options as Record<DeadLetterService, typeof options.order>,
      calls: calls as Record<DeadLetterService, typeof calls.order>,
      refetchAll,
    };
  }, [trpc, client, queryClient]);
}
