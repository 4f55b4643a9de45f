'use client';
import { useMutation } from '@tanstack/react-query';
import type { DeadLetterService } from './dead-letter-services';
import type { DeadLetterFilter, ServiceDeadLetter } from './dead-letter-types';
import { describeReplay, type ActionOutcome } from './describe-replay';
import { replayMatchingLimit } from './replay-matching-dialog';
import { useDeadLetterApi } from './use-dead-letter-api';

function groupByService(rows: ServiceDeadLetter[]) {
  const groups = new Map<DeadLetterService, string[]>();
  for (const row of rows) groups.set(row.service, [...(groups.get(row.service) ?? []), row.id]);
  return [...groups];
}

/**
 * The list's actions across services: replay a selection, replay everything the filter matches, discard a
 * selection. Each reports its outcome in a sentence; `done` clears the selection and closes the dialog.
 */
export function useDeadLetterListActions(
  filter: DeadLetterFilter,
  setOutcome: (outcome: ActionOutcome) => void,
  done: () => void,
) {
  const api = useDeadLetterApi();
  const replay = useMutation({
    mutationFn: (targets: ServiceDeadLetter[]) =>
      Promise.all(
        groupByService(targets).map(([service, ids]) =>
          api.calls[service].replaySelected.mutate({ ids }),
        ),
      ),
    onSuccess: (results) => {
      setOutcome(describeReplay(results));
      done();
    },
    onSettled: api.refetchAll,
  });
  const replayMatching = useMutation({
    mutationFn: (targets: DeadLetterService[]) =>
      Promise.all(
        targets.map((service) =>
          api.calls[service].replayMatching.mutate({ filter, limit: replayMatchingLimit }),
        ),
      ),
    onSuccess: (results) => {
      setOutcome(describeReplay(results));
      done();
    },
    onSettled: api.refetchAll,
  });
  const discard = useMutation({
    mutationFn: ({ targets, reason }: { targets: ServiceDeadLetter[]; reason: string }) =>
      Promise.all(
        groupByService(targets).map(([service, ids]) =>
          api.calls[service].discard.mutate({ ids, reason }),
        ),
      ),
    onSuccess: (results) => {
      const discarded = results.reduce((sum, result) => sum + result.discarded.length, 0);
      setOutcome({
        tone: 'success',
        text: `Discarded ${discarded} dead ${discarded === 1 ? 'letter' : 'letters'}.`,
      });
      done();
    },
    onSettled: api.refetchAll,
  });
  return {
    replay,
    replayMatching,
    discard,
    busy: replay.isPending || replayMatching.isPending || discard.isPending,
    error: replay.error ?? replayMatching.error ?? discard.error,
  };
}
