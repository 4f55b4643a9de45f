'use client';
import { isPermanentDeadLetter } from '@food/contracts';
import { DeadLetterActionDialog } from './dead-letter-action-dialog';
import type { GroupAction, ServiceDeadLetterGroup } from './dead-letter-group-types';

/** Confirms an action on a whole group: the replay rate (warning first when the failure is permanent), or why it is discarded. */
export function GroupActionDialog({
  group,
  action,
  busy,
  onClose,
  onConfirm,
}: {
  group: ServiceDeadLetterGroup | null;
  action: GroupAction;
  busy: boolean;
  onClose: () => void;
  onConfirm: (choice: { rate: number; reason: string }) => void;
}) {
  const pending = group?.byStatus.PENDING ?? 0;
  const letters = `${pending} pending dead ${pending === 1 ? 'letter' : 'letters'}`;
  const replay = action === 'replay';
  return (
    <DeadLetterActionDialog
      open={group !== null}
      title={replay ? `Replay ${letters}?` : `Discard ${letters}?`}
      askRate={replay}
      text={replay ? undefined : { label: 'Reason', required: true }}
      confirmLabel={replay ? 'Replay group' : 'Discard group'}
      danger={!replay}
      busy={busy}
      onClose={onClose}
      onConfirm={({ rate, text }) => onConfirm({ rate, reason: text })}
    >
      {group ? (
        <p>
          <strong>{group.service}</strong>, <code>{group.originalTopic}</code>: {group.errorPattern}
        </p>
      ) : null}
      {replay && group && isPermanentDeadLetter(group.errorClass) ? (
        <p className="notice notice-warning" data-testid="permanent-failure-warning">
          {group.errorClass} is a permanent failure: the record itself or the receiver&apos;s state
          refuses it, so a replay fails again (as a new dead letter) unless the code or the data
          changed. Discard the group if nothing changed.
        </p>
      ) : null}
    </DeadLetterActionDialog>
  );
}
