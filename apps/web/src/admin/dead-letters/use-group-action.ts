'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { GroupActionProgress, GroupActionRequest } from './dead-letter-group-types';
import { useDeadLetterApi } from './use-dead-letter-api';

/** Each call handles about this many seconds of replays, so progress moves while a large group is replayed. */
const secondsPerCall = 2;
const discardBatch = 500;

/**
 * Replays or discards every pending letter of a group, in paced calls until none is left, reporting progress after
 * each call. Letters that are refused stay pending; the run stops when a call moves none.
 */
export function useGroupAction() {
  const api = useDeadLetterApi();
  const [progress, setProgress] = useState<GroupActionProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ group, action, rate, reason }: GroupActionRequest) => {
      const calls = api.calls[group.service];
      const filter = { fingerprint: group.fingerprint, status: 'PENDING' as const };
      const skipped = new Map<string, string>();
      let done = 0;
      const report = () =>
        setProgress({
          key: group.key,
          action,
          done,
          skipped: skipped.size,
          total: group.byStatus.PENDING,
        });
      report();
      for (;;) {
        const limit = action === 'replay' ? rate * secondsPerCall : discardBatch;
        const moved =
          action === 'replay'
            ? await calls.replayMatching.mutate({ filter, limit, maxPerSecond: rate }).then((result) => {
                for (const entry of result.skipped) skipped.set(entry.id, entry.reason);
                return { count: result.replayed.length, matched: result.matched };
              })
            : await calls.discardMatching
                .mutate({ filter, limit, reason })
                .then((result) => ({ count: result.discarded.length, matched: result.matched }));
        done += moved.count;
        report();
        if (moved.count === 0 || moved.matched < limit) break;
      }
      return { key: group.key, action, done, skipped: [...new Set(skipped.values())], skippedCount: skipped.size };
    },
    onSettled: () => {
      setProgress(null);
      return api.refetchAll();
    },
  });
  return { ...mutation, progress };
}
