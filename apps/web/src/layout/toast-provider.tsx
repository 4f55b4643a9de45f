'use client';
import Link from 'next/link';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Toast {
  title: string;
  body?: string;
  href?: string;
  linkLabel?: string;
}

const ToastContext = createContext<(toast: Toast) => void>(() => {});

const visibleMs = 8_000;

/** Short messages about things that happened elsewhere (an order confirmed), read out politely by screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Array<Toast & { id: number }>>([]);
  const dismiss = useCallback(
    (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    [],
  );
  const notify = useCallback(
    (toast: Toast) => {
      const id = Date.now() + Math.random();
      setToasts((current) => [...current.slice(-3), { ...toast, id }]);
      setTimeout(() => dismiss(id), visibleMs);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast" data-testid="toast">
            <span className="toast-title">{toast.title}</span>
            {toast.body ? <span>{toast.body}</span> : null}
            {toast.href ? <Link href={toast.href}>{toast.linkLabel ?? 'View'}</Link> : null}
            <button type="button" className="toast-close" onClick={() => dismiss(toast.id)}>
              Dismiss
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
