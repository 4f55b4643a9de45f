'use client';
import { signIn } from 'next-auth/react';
import { decodeSignInProblem, type SignInProblem } from './sign-in-problem';

export type CredentialsRequest =
  | { intent: 'sign-in'; email: string; password: string }
  | { intent: 'register'; email: string; password: string; name: string };

/** Signs in (or registers and signs in) through next-auth; null when it worked, else what went wrong. */
export async function credentialsSignIn(
  request: CredentialsRequest,
): Promise<SignInProblem | null> {
  try {
    const result = await signIn('credentials', { ...request, redirect: false });
    if (result?.ok && !result.error) return null;
    return decodeSignInProblem(result?.error);
  } catch {
    return { code: 'UNAVAILABLE', message: '', fields: {} };
  }
}

/** After signing in, the auth page itself sends the user on (to the callback, or to their role's home). */
export function continueAfterSignIn(page: '/sign-in' | '/register', callbackUrl: string | null) {
  window.location.assign(
    callbackUrl ? `${page}?callbackUrl=${encodeURIComponent(callbackUrl)}` : page,
  );
}
