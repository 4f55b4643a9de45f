'use client';
import { describeError } from '../trpc/trpc-error';

/** A failed load or action, in words, with the way forward (try again) when there is one. */
export function ErrorNotice({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <div role="alert" className="notice notice-error">
      <span className="notice-title">{title}</span>
      <p>{describeError(error)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
