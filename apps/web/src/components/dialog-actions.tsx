import type { ReactNode } from 'react';

/** A dialog's buttons: Cancel, then the one that does it (styled as dangerous when it destroys something). */
export function DialogActions({
  onCancel,
  onConfirm,
  disabled,
  danger = false,
  testId,
  children,
}: {
  onCancel: () => void;
  onConfirm: () => void;
  disabled: boolean;
  danger?: boolean;
  testId?: string;
  /** The confirm button's label. */
  children: ReactNode;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Cancel
      </button>
      <button
        type="button"
        className={danger ? 'button button-danger' : 'button'}
        disabled={disabled}
        data-testid={testId}
        onClick={onConfirm}
      >
        {children}
      </button>
    </div>
  );
}
