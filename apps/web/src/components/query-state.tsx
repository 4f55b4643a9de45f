'use client';
import type { ReactNode } from 'react';
import { trpcCodeOf } from '../trpc/trpc-error';
import { ErrorNotice } from './error-notice';
import { LoadMoreButton, type MorePages } from './load-more-button';
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
  what,
  loading = `Loading ${what}…`,
  loadingRows,
  failed = `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be loaded`,
  notFound,
  empty,
  loadMore,
  children,
}: {
  query: QueryProgress<Data>;
  /** What is loaded: 'payments' makes 'Loading payments…' and 'Payments could not be loaded'. */
  what: string;
  /** The loading message (for screen readers), where the one made from `what` does not fit. */
  loading?: string;
  loadingRows?: number;
  /** The error's title, where the one made from `what` does not fit. */
  failed?: string;
  notFound?: ReactNode;
  /** Shown instead of the content when given (the caller decides when the data counts as empty). */
  empty?: ReactNode;
  /** A paged list's next page: Load more under the content. */
  loadMore?: MorePages;
  children: (data: Data) => ReactNode;
}) {
  if (query.isPending) return <LoadingRows label={loading} rows={loadingRows} />;
  if (query.isError) {
    if (notFound && trpcCodeOf(query.error) === 'NOT_FOUND') return <>{notFound}</>;
    return <ErrorNotice error={query.error} title={failed} onRetry={() => void query.refetch()} />;
  }
  if (empty) return <>{empty}</>;
  if (query.data === undefined) return null;
  return (
    <>
      {children(query.data)}
      {loadMore ? <LoadMoreButton pages={loadMore} /> : null}
    </>
  );
}
