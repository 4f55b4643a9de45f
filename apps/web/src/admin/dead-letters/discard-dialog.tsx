'use client';
import { useId, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';

/** Asks why before discarding: the reason is recorded with who discarded and when. */
export function DiscardDialog({
  open,
  count,
  onClose,
  onConfirm,
  busy,
}: {
  open: boolean;
  count: number;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  busy: boolean;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    onClose();
  };
  return (
    <ModalDialog
      open={open}
      title={count === 1 ? 'Discard this dead letter?' : `Discard ${count} dead letters?`}
      onClose={close}
    >
      <p>
        Discarded letters stay on record but are never replayed. Say why, for whoever looks at them
        next.
      </p>
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
          aria-describedby={missing ? `${id}-error` : undefined}
        />
        {missing ? (
          <p id={`${id}-error`} className="field-error">
            A reason is required.
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => {
            if (!reason.trim()) return setMissing(true);
            onConfirm(reason.trim());
            setReason('');
          }}
        >
          {busy ? 'Discarding…' : 'Discard'}
        </button>
      </div>
    </ModalDialog>
  );
}
