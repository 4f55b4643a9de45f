'use client';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';

/**
 * What a dead-letter page shows before its content, the same for the groups and the messages: no queue can match,
 * loading, a failure with a retry, or nothing found; otherwise the content.
 */
export function DeadLetterListState({
  noun,
  anyQueue,
  loading,
  failed,
  empty,
  pendingOnly,
  children,
}: {
  /** 'dead letters' or 'dead-letter groups', as the messages name them. */
  noun: string;
  anyQueue: boolean;
  loading: boolean;
  failed: { error: unknown; refetch: () => unknown } | undefined;
  empty: boolean;
  pendingOnly: boolean;
  children: ReactNode;
}) {
  if (!anyQueue)
    return (
      <EmptyState card title="No queue matches">
        The chosen service does not consume this topic, so none of its dead letters can match.
      </EmptyState>
    );
  const progress = {
    data: true,
    isPending: loading,
    isError: failed !== undefined,
    error: failed?.error,
    refetch: () => failed?.refetch(),
  };
  return (
    <QueryState
      query={progress}
      what={noun}
      loadingRows={5}
      empty={
        empty && (
          <EmptyState
            card
            title={pendingOnly ? 'No dead letters waiting' : 'No dead letters match'}
          >
            {pendingOnly
              ? 'Every message was processed or has been dealt with. They appear here when a consumer gives up on one.'
              : 'Change or clear the filters to see more.'}
          </EmptyState>
        )
      }
    >
      {() => children}
    </QueryState>
  );
}
