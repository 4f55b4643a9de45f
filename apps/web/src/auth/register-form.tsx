'use client';
import { CredentialsForm, type CredentialsFormSetup } from './credentials-form';

const registerForm: CredentialsFormSetup = {
  intent: 'register',
  fields: [
    { name: 'name', label: 'Name', autoComplete: 'name', maxLength: 100 },
    { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
    {
      name: 'password',
      label: 'Password',
      type: 'password',
      autoComplete: 'new-password',
      minLength: 10,
      hint: 'At least 10 characters, not only letters or only digits. A short sentence works well.',
    },
  ],
  button: {
    label: 'Create account',
    pending: 'Creating your account…',
    announcement: 'Creating your account and signing you in…',
  },
  other: { question: 'Already have an account?', path: '/sign-in', label: 'Sign in' },
};

export function RegisterForm({ callbackUrl }: { callbackUrl: string | null }) {
  return <CredentialsForm form={registerForm} callbackUrl={callbackUrl} />;
}
