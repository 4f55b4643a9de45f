'use client';
import { CredentialsForm, type CredentialsFormSetup } from './credentials-form';

const signInForm: CredentialsFormSetup = {
  intent: 'sign-in',
  fields: [
    { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
    { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
  ],
  button: { label: 'Sign in', pending: 'Signing in…', announcement: 'Checking your details…' },
  other: { question: 'New here?', path: '/register', label: 'Create an account' },
};

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  return <CredentialsForm form={signInForm} callbackUrl={callbackUrl} />;
}
