'use client';
import { DeadLetterActionDialog } from './dead-letter-action-dialog';

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
  return (
    <DeadLetterActionDialog
      open={open}
      title={count === 1 ? 'Discard this dead letter?' : `Discard ${count} dead letters?`}
      text={{ label: 'Reason', required: true }}
      confirmLabel={busy ? 'Discarding…' : 'Discard'}
      danger
      busy={busy}
      onClose={onClose}
      onConfirm={({ text }) => onConfirm(text)}
    >
      <p>
        Discarded letters stay on record but are never replayed. Say why, for whoever looks at them
        next.
      </p>
    </DeadLetterActionDialog>
  );
}
