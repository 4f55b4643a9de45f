'use client';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { describeSignInProblem, type SignInProblem } from './sign-in-problem';

/** The form's error, focused when it appears so keyboard and screen-reader users land on it. */
export function SignInProblemAlert({
  problem,
  signInHref,
}: {
  problem: SignInProblem;
  signInHref?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [problem]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="notice notice-error"
      data-testid="auth-error"
      data-code={problem.code}
    >
      <p>{describeSignInProblem(problem)}</p>
      {problem.code === 'EMAIL_TAKEN' && signInHref ? (
        <p>
          <Link href={signInHref}>Sign in with this email</Link>
        </p>
      ) : null}
    </div>
  );
}
