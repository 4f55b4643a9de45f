'use client';
import { DeadLetterActionDialog, type TextDialogProps } from './dead-letter-action-dialog';

/** Marks a dead letter dealt with another way, without a replay; the note is recorded with who and when. */
export function ResolveDialog({ onConfirm, ...dialog }: TextDialogProps) {
  return (
    <DeadLetterActionDialog
      title="Mark this dead letter resolved?"
      text={{ label: 'Note', required: false }}
      confirmLabel={dialog.busy ? 'Saving…' : 'Mark resolved'}
      {...dialog}
      onConfirm={({ text }) => onConfirm(text)}
    >
      <p>
        For a failure dealt with another way (the data fixed by hand, the customer refunded): it is
        not replayed, and leaves the pending list. Who marked it and when are recorded with your
        note.
      </p>
    </DeadLetterActionDialog>
  );
}
