'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/** Renders the server page again with fresh numbers. */
export function RefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
    >
      {pending ? 'Refreshing…' : 'Refresh'}
    </button>
  );
}
