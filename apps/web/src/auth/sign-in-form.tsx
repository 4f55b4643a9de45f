'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { TextField } from '../components/text-field';
import { continueAfterSignIn, credentialsSignIn } from './credentials-sign-in';
import type { SignInProblem } from './sign-in-problem';
import { SignInProblemAlert } from './sign-in-problem-alert';

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    const outcome = await credentialsSignIn({
      intent: 'sign-in',
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (!outcome) return continueAfterSignIn('/sign-in', callbackUrl);
    setProblem(outcome);
    setPending(false);
  }

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
