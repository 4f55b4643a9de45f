'use client';
import Link from 'next/link';
import { TextField } from '../components/text-field';
import { SignInProblemAlert } from './sign-in-problem-alert';
import { useCredentialsForm } from './use-credentials-form';

export function RegisterForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { problem, pending, submit } = useCredentialsForm('register', callbackUrl);

  const signInHref = callbackUrl
    ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`
    : '/sign-in';
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={pending}>
      {problem ? <SignInProblemAlert problem={problem} signInHref={signInHref} /> : null}
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        error={problem?.fields.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={problem?.fields.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters, not only letters or only digits. A short sentence works well."
        error={problem?.fields.password}
      />
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {pending ? 'Creating your account and signing you in…' : null}
      </p>
      <p>
        Already have an account? <Link href={signInHref}>Sign in</Link>
      </p>
    </form>
  );
}
