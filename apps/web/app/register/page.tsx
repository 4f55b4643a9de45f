import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/auth/current-user';
import { homeOf } from '@/auth/home-of';
import { safeCallbackPath } from '@/auth/protected-paths';
import { RegisterForm } from '@/auth/register-form';
import { searchParam, type SearchParams } from '@/auth/search-param';

export const metadata: Metadata = { title: 'Create an account · Food ordering' };

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = searchParam(params, 'callbackUrl')
    ? safeCallbackPath(searchParam(params, 'callbackUrl'))
    : null;
  const user = await currentUser();
  if (user) redirect(callbackUrl ?? homeOf(user));
  return (
    <div className="page-narrow">
      <div className="card auth-card">
        <h1>Create an account</h1>
        <p className="muted">Order from local restaurants and follow your orders live.</p>
        <RegisterForm callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
