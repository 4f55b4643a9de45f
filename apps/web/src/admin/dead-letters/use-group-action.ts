'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { GroupActionProgress, GroupActionRequest } from './dead-letter-group-types';
import { useDeadLetterApi } from './use-dead-letter-api';

const pollEveryMs = 1_000;

/**
 * Replays or discards every pending letter of a group. The service does the work (a bulk action, paced at the
 * chosen rate, that goes on if this page closes); this tab follows its progress until it ends and counts the outcome.
 */
export function useGroupAction() {
  const api = useDeadLetterApi();
  const [progress, setProgress] = useState<GroupActionProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ group, action, rate, reason }: GroupActionRequest) => {
      const calls = api.calls[group.service];
      const { id } = await calls.startBulk.mutate({
        action: action === 'replay' ? 'REPLAY' : 'DISCARD',
        filter: { fingerprint: group.fingerprint, status: 'PENDING' },
        maxPerSecond: rate,
        reason: action === 'discard' ? reason : undefined,
      });
      setProgress({
        key: group.key,
        action,
        done: 0,
        skipped: 0,
        total: group.byStatus.PENDING,
        id,
      });
      for (;;) {
        const [job] = await calls.bulkActions.query({ ids: [id] });
        if (!job) throw new Error('The bulk action is no longer known to the service.');
        setProgress({
          key: group.key,
          action,
          done: job.done,
          skipped: job.skipped,
          total: job.total,
          id,
        });
        if (job.status === 'FAILED') throw new Error(job.error ?? 'The bulk action failed.');
        if (job.status === 'DONE') {
          return {
            key: group.key,
            action,
            done: job.done,
            skipped: job.skippedReasons,
            skippedCount: job.skipped,
          };
        }
        await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      }
    },
    onSettled: () => {
      setProgress(null);
      return api.refetchAll();
    },
  });
  return { ...mutation, progress };
}
