'use client';
import { isPermanentDeadLetter } from '@food/contracts';
import { useId, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import type { GroupAction, ServiceDeadLetterGroup } from './dead-letter-group-types';

const rates = [5, 20, 50] as const;

/** Confirms an action on a whole group: the replay rate, or why the group is discarded. */
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
  const id = useId();
  const [rate, setRate] = useState<number>(20);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const pending = group?.byStatus.PENDING ?? 0;
  const letters = `${pending} pending dead ${pending === 1 ? 'letter' : 'letters'}`;
  const close = () => {
    setReason('');
    setMissing(false);
    onClose();
  };
  return (
    <ModalDialog
      open={group !== null}
      title={action === 'replay' ? `Replay ${letters}?` : `Discard ${letters}?`}
      onClose={close}
    >
      {group ? (
        <p>
          <strong>{group.service}</strong>, <code>{group.originalTopic}</code>: {group.errorPattern}
        </p>
      ) : null}
      {action === 'replay' && group && isPermanentDeadLetter(group.errorClass) ? (
        <p className="notice notice-warning" data-testid="permanent-failure-warning">
          {group.errorClass} is a permanent failure: the record itself or the receiver&apos;s state refuses it, so a
          replay fails again (as a new dead letter) unless the code or the data changed. Discard the group if nothing
          changed.
        </p>
      ) : null}
      {action === 'replay' ? (
        <div className="field">
          <label htmlFor={id}>Rate</label>
          <select
            id={id}
            className="select"
            value={rate}
            onChange={(event) => setRate(Number(event.target.value))}
          >
            {rates.map((value) => (
              <option key={value} value={value}>
                {value} per second
              </option>
            ))}
          </select>
          <p className="field-hint">Each goes back to the consumer that failed it; fix the cause first.</p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={id}>Reason</label>
          <textarea
            id={id}
            className="textarea"
            value={reason}
            maxLength={500}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
            aria-invalid={missing || undefined}
          />
          {missing ? <p className="field-error">A reason is required.</p> : null}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className={action === 'replay' ? 'button' : 'button button-danger'}
          disabled={busy}
          data-testid="confirm-group-action"
          onClick={() => {
            if (action === 'discard' && !reason.trim()) return setMissing(true);
            onConfirm({ rate, reason: reason.trim() });
            setReason('');
          }}
        >
          {action === 'replay' ? 'Replay group' : 'Discard group'}
        </button>
      </div>
    </ModalDialog>
  );
}
