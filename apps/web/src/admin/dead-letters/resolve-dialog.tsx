'use client';
import { DeadLetterActionDialog } from './dead-letter-action-dialog';

/** Marks a dead letter dealt with another way, without a replay; the note is recorded with who and when. */
export function ResolveDialog({
  open,
  onClose,
  onConfirm,
  busy,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: (note: string) => void;
  busy: boolean;
}) {
  return (
    <DeadLetterActionDialog
      open={open}
      title="Mark this dead letter resolved?"
      text={{ label: 'Note', required: false }}
      confirmLabel={busy ? 'Saving…' : 'Mark resolved'}
      busy={busy}
      onClose={onClose}
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
