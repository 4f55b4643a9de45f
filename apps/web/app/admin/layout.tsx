import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminLiveFeedProvider } from '@/admin/admin-live-feed';
import { currentUser } from '@/auth/current-user';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin' } };

/**
 * The console is for admins: a signed-out visitor goes to sign in (proxy.ts does so with the exact page to come
 * back to), anyone else gets the 403 page. Each service checks the role again on every call.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/sign-in?callbackUrl=/admin/orders');
  if (user.role !== 'ADMIN') forbidden();
  return <AdminLiveFeedProvider>{children}</AdminLiveFeedProvider>;
}
