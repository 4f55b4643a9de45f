'use client';
import Link from 'next/link';
import { TextField } from '../components/text-field';
import { SignInProblemAlert } from './sign-in-problem-alert';
import { useCredentialsForm } from './use-credentials-form';

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { problem, pending, submit } = useCredentialsForm('sign-in', callbackUrl);

  const registerHref = callbackUrl
    ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}`
    : '/register';
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={pending}>
      {problem ? <SignInProblemAlert problem={problem} /> : null}
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
        autoComplete="current-password"
        required
        error={problem?.fields.password}
      />
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {pending ? 'Checking your details…' : null}
      </p>
      <p>
        New here? <Link href={registerHref}>Create an account</Link>
      </p>
    </form>
  );
}
