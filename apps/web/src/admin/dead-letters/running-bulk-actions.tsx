'use client';
import { useQueries } from '@tanstack/react-query';
import { deadLetterServices } from './dead-letter-services';
import { useDeadLetterApi } from './use-dead-letter-api';

/**
 * Bulk actions the services are working on that this tab did not start (another operator's, or one whose page was
 * closed): each with its progress, so nobody starts the same replay twice.
 */
export function RunningBulkActions({ followed }: { followed: string | undefined }) {
  const api = useDeadLetterApi();
  const queries = useQueries({
    queries: deadLetterServices.map((service) =>
      api.options[service].bulkActions.queryOptions({}, { refetchInterval: 2_000 }),
    ),
  });
  const running = deadLetterServices.flatMap((service, index) =>
    (queries[index]?.data ?? [])
      .filter((job) => job.status === 'RUNNING' && job.id !== followed)
      .map((job) => ({ ...job, service })),
  );
  if (!running.length) return null;
  return (
    <ul className="notice notice-info" aria-live="polite" data-testid="running-bulk-actions">
      {running.map((job) => (
        <li key={job.id} data-testid="running-bulk-action">
          {job.action === 'REPLAY' ? 'Replaying' : 'Discarding'} in {job.service} (started by{' '}
          {job.requestedBy}): {job.done} of {job.total} done
          {job.skipped ? `, ${job.skipped} refused` : ''}
          <progress value={job.done} max={Math.max(job.total, job.done, 1)} />
        </li>
      ))}
    </ul>
  );
}
