'use client';
import { useQueries } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/error-notice';
import { DialogActions } from '../../components/dialog-actions';
import { ModalDialog } from '../../components/modal-dialog';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterFilter } from './dead-letter-types';
import { useDeadLetterApi } from './use-dead-letter-api';

/** replayMatching takes at most this many per service and call (the API's own ceiling). */
export const replayMatchingLimit = 500;

/** How many each service would replay, counted as replayMatching selects (PENDING unless the filter names a status). */
function useMatchingCounts(services: DeadLetterService[], filter: DeadLetterFilter, open: boolean) {
  const api = useDeadLetterApi();
  const counted = { ...filter, status: filter.status ?? 'PENDING' };
  const counts = useQueries({
    queries: services.map((service) => ({
      ...api.options[service].count.queryOptions(counted, { staleTime: 0 }),
      enabled: open,
    })),
  });
  const pending = counts.some((count) => count.isPending);
  const failed = counts.find((count) => count.isError);
  const perService = services.map((service, index) => ({
    service,
    total: counts[index]?.data?.total ?? 0,
  }));
  const total = perService.reduce((sum, entry) => sum + entry.total, 0);
  const replayNow = perService.reduce(
    (sum, entry) => sum + Math.min(entry.total, replayMatchingLimit),
    0,
  );
  return { pending, failed, perService, total, replayNow };
}

/** The count, per service, what a replay does, and the per-call limit when the count passes it. */
function MatchingCount({
  perService,
  total,
}: {
  perService: Array<{ service: DeadLetterService; total: number }>;
  total: number;
}) {
  const overLimit = perService.some((entry) => entry.total > replayMatchingLimit);
  return (
    <div role="status" data-testid="replay-matching-count" data-total={total}>
      <p>
        <strong>
          {total === 0
            ? 'No dead letter matches the filter.'
            : `${total} dead ${total === 1 ? 'letter matches' : 'letters match'} the filter`}
        </strong>
        {total
          ? ` (${perService
              .filter((entry) => entry.total)
              .map((entry) => `${entry.service}: ${entry.total}`)
              .join(', ')}).`
          : null}
      </p>
      {total ? (
        <p className="small muted">
          Each is published again to its original topic, oldest first; consumers skip events they
          already processed.
        </p>
      ) : null}
      {overLimit ? (
        <p className="notice notice-warning small">
          At most {replayMatchingLimit} per service are replayed at a time. Run the replay again for
          the rest.
        </p>
      ) : null}
    </div>
  );
}

/**
 * Confirms a replay of everything the filter matches, saying how many first (deadLetters.count of each service).
 */
export function ReplayMatchingDialog({
  open,
  services,
  filter,
  onClose,
  onConfirm,
  busy,
}: {
  open: boolean;
  services: DeadLetterService[];
  filter: DeadLetterFilter;
  onClose: () => void;
  onConfirm: (services: DeadLetterService[]) => void;
  busy: boolean;
}) {
  const { pending, failed, perService, total, replayNow } = useMatchingCounts(
    services,
    filter,
    open,
  );

  return (
    <ModalDialog open={open} title="Replay every matching dead letter?" onClose={onClose}>
      {pending ? (
        <p role="status">Counting the matching dead letters…</p>
      ) : failed ? (
        <ErrorNotice error={failed.error} title="Could not count the matching dead letters" />
      ) : (
        <MatchingCount perService={perService} total={total} />
      )}
      <DialogActions
        onCancel={onClose}
        disabled={pending || Boolean(failed) || total === 0 || busy}
        onConfirm={() =>
          onConfirm(perService.filter((entry) => entry.total > 0).map((entry) => entry.service))
        }
      >
        {busy ? 'Replaying…' : total ? `Replay ${replayNow}` : 'Replay'}
      </DialogActions>
    </ModalDialog>
  );
}
