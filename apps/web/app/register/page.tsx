import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard, callbackUrlOf } from '@/auth/auth-card';
import { currentUser } from '@/auth/current-user';
import { homeOf } from '@/auth/home-of';
import { RegisterForm } from '@/auth/register-form';
import type { SearchParams } from '@/auth/search-param';

export const metadata: Metadata = { title: 'Create an account' };

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = callbackUrlOf(await searchParams);
  const user = await currentUser();
  if (user) redirect(callbackUrl ?? homeOf(user));
  return (
    <AuthCard title="Create an account">
      <p className="muted">Order from local restaurants and follow your orders live.</p>
      <RegisterForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
