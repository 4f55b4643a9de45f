'use client';
import type { ReactNode } from 'react';
import { trpcCodeOf } from '../trpc/trpc-error';
import { ErrorNotice } from './error-notice';
import { LoadingRows } from './loading-rows';

/** The part of a query (or of several, combined) that says whether there is anything to show yet. */
export interface QueryProgress<Data> {
  data: Data | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * What every view shows around its data: skeleton rows while it loads, the error with Try again when it failed
 * (or the not-found state, when the server says there is no such thing), the empty state when it found nothing,
 * and the content otherwise. The content is a function of the data, so it runs only once the data is there.
 */
export function QueryState<Data>({
  query,
  loading,
  loadingRows,
  failed,
  notFound,
  empty,
  children,
}: {
  query: QueryProgress<Data>;
  /** What is loading, for screen readers: 'Loading payments…'. */
  loading: string;
  loadingRows?: number;
  /** The error's title: 'Payments could not be loaded'. */
  failed: string;
  notFound?: ReactNode;
  /** Shown instead of the content when given (the caller decides when the data counts as empty). */
  empty?: ReactNode;
  children: (data: Data) => ReactNode;
}) {
  if (query.isPending) return <LoadingRows label={loading} rows={loadingRows} />;
  if (query.isError) {
    if (notFound && trpcCodeOf(query.error) === 'NOT_FOUND') return <>{notFound}</>;
    return <ErrorNotice error={query.error} title={failed} onRetry={() => void query.refetch()} />;
  }
  if (empty) return <>{empty}</>;
  return query.data === undefined ? null : <>{children(query.data)}</>;
}
