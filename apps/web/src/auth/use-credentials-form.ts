'use client';
import { useState, type FormEvent } from 'react';
import {
  continueAfterSignIn,
  credentialsSignIn,
  type CredentialsRequest,
} from './credentials-sign-in';
import type { SignInProblem } from './sign-in-problem';

/**
 * The submit of the sign-in and register forms: one attempt at a time, the problem to show when it fails, and on
 * success the way back to where the visitor was going.
 */
export function useCredentialsForm(intent: 'sign-in' | 'register', callbackUrl: string | null) {
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [pending, setPending] = useState(false);

  async function attempt(request: CredentialsRequest) {
    setPending(true);
    setProblem(null);
    const outcome = await credentialsSignIn(request);
    if (!outcome)
      return continueAfterSignIn(intent === 'register' ? '/register' : '/sign-in', callbackUrl);
    setProblem(outcome);
    setPending(false);
  }

  // A form's submit handler returns nothing; the attempt cannot reject (credentialsSignIn answers every failure).
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    void attempt(
      intent === 'register'
        ? { intent, name: field('name'), email: field('email'), password: field('password') }
        : { intent, email: field('email'), password: field('password') },
    );
  }

  return { problem, pending, submit };
}
