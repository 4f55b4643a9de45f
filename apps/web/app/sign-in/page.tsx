import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard, callbackUrlOf } from '@/auth/auth-card';
import { currentUser } from '@/auth/current-user';
import { homeOf } from '@/auth/home-of';
import { searchParam, type SearchParams } from '@/auth/search-param';
import { SignInForm } from '@/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = callbackUrlOf(params);
  const sessionEnded = searchParam(params, 'reason') === 'session-ended';
  // After a session ended the form is shown even if a cookie is still there, so nothing can loop back and forth.
  const user = sessionEnded ? null : await currentUser();
  if (user) redirect(callbackUrl ?? homeOf(user));
  return (
    <AuthCard title="Sign in">
      {sessionEnded ? (
        <p className="notice notice-info" role="status">
          Your session has ended. Sign in again to continue where you were.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
