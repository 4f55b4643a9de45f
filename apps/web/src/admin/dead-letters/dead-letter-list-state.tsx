'use client';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { LoadingRows } from '../../components/loading-rows';

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
      <div className="card">
        <EmptyState title="No queue matches">
          The chosen service does not consume this topic, so none of its dead letters can match.
        </EmptyState>
      </div>
    );
  if (loading) return <LoadingRows label={`Loading ${noun}…`} rows={5} />;
  if (failed)
    return (
      <ErrorNotice
        error={failed.error}
        title={`${noun[0]?.toUpperCase()}${noun.slice(1)} could not be loaded`}
        onRetry={() => void failed.refetch()}
      />
    );
  if (empty)
    return (
      <div className="card">
        <EmptyState title={pendingOnly ? 'No dead letters waiting' : 'No dead letters match'}>
          {pendingOnly
            ? 'Every message was processed or has been dealt with. They appear here when a consumer gives up on one.'
            : 'Change or clear the filters to see more.'}
        </EmptyState>
      </div>
    );
  return <>{children}</>;
}
