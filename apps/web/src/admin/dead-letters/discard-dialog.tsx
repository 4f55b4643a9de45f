'use client';
import { DeadLetterActionDialog, type TextDialogProps } from './dead-letter-action-dialog';

/** Asks why before discarding: the reason is recorded with who discarded and when. */
export function DiscardDialog({
  count,
  onConfirm,
  ...dialog
}: TextDialogProps & { count: number }) {
  return (
    <DeadLetterActionDialog
      title={count === 1 ? 'Discard this dead letter?' : `Discard ${count} dead letters?`}
      text={{ label: 'Reason', required: true }}
      confirmLabel={dialog.busy ? 'Discarding…' : 'Discard'}
      danger
      {...dialog}
      onConfirm={({ text }) => onConfirm(text)}
    >
      <p>
        Discarded letters stay on record but are never replayed. Say why, for whoever looks at them
        next.
      </p>
    </DeadLetterActionDialog>
  );
}
