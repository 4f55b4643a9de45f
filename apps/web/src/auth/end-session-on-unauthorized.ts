'use client';
import { signOut } from 'next-auth/react';
import { trpcCodeOf } from '../trpc/trpc-error';

let ending = false;

/**
 * A call answered UNAUTHORIZED: the session is over (its refresh was refused, or the gateway no longer accepts its
 * token). Sign out, so the stale cookie cannot send the sign-in page straight back here, then sign in again and
 * return to this page.
 */
export function endSessionOnUnauthorized(error: unknown) {
  if (ending || trpcCodeOf(error) !== 'UNAUTHORIZED') return;
  ending = true;
  const back = `${window.location.pathname}${window.location.search}`;
  void signOut({
    callbackUrl: `/sign-in?reason=session-ended&callbackUrl=${encodeURIComponent(back)}`,
  });
}
