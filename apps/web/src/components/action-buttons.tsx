import type { ReactNode } from 'react';

export interface ActionButton {
  label: ReactNode;
  onClick: () => void;
  disabled: boolean;
  /** The button's classes; the primary style when left out. */
  className?: string;
  /** Why it is disabled, or what it does, on hover. */
  title?: string | undefined;
  testId?: string;
}

/** A row of buttons, each what it does and when it cannot. */
export function ActionButtons({ actions }: { actions: readonly ActionButton[] }) {
  return (
    <>
      {actions.map((action, index) => (
        <button
          key={index}
          type="button"
          className={action.className ?? 'button'}
          onClick={action.onClick}
          disabled={action.disabled}
          title={action.title}
          data-testid={action.testId}
        >
          {action.label}
        </button>
      ))}
    </>
  );
}
