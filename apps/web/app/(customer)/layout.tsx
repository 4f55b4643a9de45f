import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentUser } from '@/auth/current-user';

/** Customer pages need a signed-in user. proxy.ts already redirects with the exact callback; this is the backstop. */
export default async function CustomerLayout({ children }: { children: ReactNode }) {
  if (!(await currentUser())) redirect('/sign-in');
  return children;
}
