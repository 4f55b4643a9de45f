import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/auth/current-user';
import { safeCallbackPath } from '@/auth/protected-paths';
import { searchParam, type SearchParams } from '@/auth/search-param';
import { SignInForm } from '@/auth/sign-in-form';
import { homeOf } from '@/auth/home-of';

export const metadata: Metadata = { title: 'Sign in · Food ordering' };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = searchParam(params, 'callbackUrl')
    ? safeCallbackPath(searchParam(params, 'callbackUrl'))
    : null;
  const sessionEnded = searchParam(params, 'reason') === 'session-ended';
  // After a session ended the form is shown even if a cookie is still there, so nothing can loop back and forth.
  const user = sessionEnded ? null : await currentUser();
  if (user) redirect(callbackUrl ?? homeOf(user));
  return (
    <div className="page-narrow">
      <div className="card auth-card">
        <h1>Sign in</h1>
        {sessionEnded ? (
          <p className="notice notice-info" role="status">
            Your session has ended. Sign in again to continue where you were.
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
