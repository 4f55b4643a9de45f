'use client';
import { isPermanentDeadLetter } from '@food/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionButtons } from '../../components/action-buttons';
import { ErrorNotice } from '../../components/error-notice';
import { ActionOutcomeNotice } from './action-outcome-notice';
import { LocalTime } from '../../components/local-time';
import type { DeadLetterService } from './dead-letter-services';
import { DeadLetterStatusBadge } from './dead-letter-status-badge';
import type { DeadLetterDetails } from './dead-letter-types';
import { describeReplay, type ActionOutcome } from './describe-replay';
import { DiscardDialog } from './discard-dialog';
import { ResolveDialog } from './resolve-dialog';
import { useDeadLetterApi } from './use-dead-letter-api';

/** The calls behind one dead letter's buttons, each reporting its outcome in a sentence. */
function useLetterActions(
  service: DeadLetterService,
  id: string,
  done: (outcome: ActionOutcome) => void,
) {
  const api = useDeadLetterApi();
  const replay = useMutation({
    mutationFn: () => api.calls[service].replay.mutate({ id }),
    onSuccess: (result) => done(describeReplay([result])),
    onSettled: api.refetchAll,
  });
  const discard = useMutation({
    mutationFn: (reason: string) => api.calls[service].discard.mutate({ ids: [id], reason }),
    onSuccess: () =>
      done({ tone: 'success', text: 'Discarded. It stays on record and will not be replayed.' }),
    onSettled: api.refetchAll,
  });
  const resolve = useMutation({
    mutationFn: (note: string) =>
      api.calls[service].resolve.mutate({ ids: [id], note: note || undefined }),
    onSuccess: (result) =>
      done(
        result.resolved.length
          ? { tone: 'success', text: 'Marked resolved. It will not be replayed.' }
          : { tone: 'warning', text: 'Not marked: it is no longer pending.' },
      ),
    onSettled: api.refetchAll,
  });
  const busy = [replay, discard, resolve].some((mutation) => mutation.isPending);
  return { replay, discard, resolve, busy };
}

type LetterActions = ReturnType<typeof useLetterActions>;

/** Status, the permanent-failure mark, and the buttons: replay, mark resolved, discard. */
function LetterButtons({
  letter,
  actions: { replay, busy },
  onAsk,
}: {
  letter: DeadLetterDetails;
  actions: LetterActions;
  /** Opens the dialog that asks for a note (resolve) or a reason (discard) first. */
  onAsk: (dialog: 'resolve' | 'discard') => void;
}) {
  const settled = letter.status === 'DISCARDED' || letter.status === 'RESOLVED';
  return (
    <div className="row">
      <DeadLetterStatusBadge status={letter.status} />
      {isPermanentDeadLetter(letter.errorClass) ? (
        <span
          className="badge badge-bad"
          title="A replay fails again unless the code or the data changed"
        >
          permanent: a replay fails again
        </span>
      ) : null}
      <ActionButtons
        actions={[
          {
            label: replay.isPending
              ? 'Replaying…'
              : letter.status === 'REPLAYED'
                ? 'Replay again'
                : 'Replay',
            onClick: () => replay.mutate(),
            disabled: busy || settled,
            testId: 'replay-dead-letter',
          },
          {
            label: 'Mark resolved…',
            className: 'button button-secondary',
            onClick: () => onAsk('resolve'),
            disabled: busy || letter.status !== 'PENDING',
            testId: 'resolve-dead-letter',
          },
          {
            label: 'Discard…',
            className: 'button button-secondary',
            onClick: () => onAsk('discard'),
            disabled: busy || settled,
          },
        ]}
      />
    </div>
  );
}

/** What an operator can do: replay, mark resolved, discard. */
export function DeadLetterActions({
  service,
  letter,
}: {
  service: DeadLetterService;
  letter: DeadLetterDetails;
}) {
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [dialog, setDialog] = useState<'discard' | 'resolve' | null>(null);
  const actions = useLetterActions(service, letter.id, (result) => {
    setOutcome(result);
    setDialog(null);
  });
  const { replay, discard, resolve } = actions;
  const resolution =
    letter.status === 'RESOLVED'
      ? letter.history.findLast((entry) => entry.action === 'RESOLVE')
      : undefined;
  return (
    <div className="stack">
      <LetterButtons letter={letter} actions={actions} onAsk={setDialog} />
      {resolution ? (
        <p className="notice notice-success" data-testid="dead-letter-resolution">
          Resolved without replay by {resolution.requestedBy},{' '}
          <LocalTime iso={resolution.requestedAt} style="precise" />
          {resolution.detail ? `: ${resolution.detail}` : '.'}
        </p>
      ) : null}
      <ActionOutcomeNotice outcome={outcome} />
      <div>
        {(replay.error ?? discard.error ?? resolve.error) ? (
          <ErrorNotice
            error={replay.error ?? discard.error ?? resolve.error}
            title="The action did not complete"
          />
        ) : null}
      </div>
      <DiscardDialog
        open={dialog === 'discard'}
        count={1}
        busy={discard.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => discard.mutate(reason)}
      />
      <ResolveDialog
        open={dialog === 'resolve'}
        busy={resolve.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(note) => resolve.mutate(note)}
      />
    </div>
  );
}
