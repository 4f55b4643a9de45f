/**
 * Why a sign-in or registration failed, as the form shows it. next-auth hands the Credentials provider's error
 * message to the browser, so the server encodes one of these there and the form decodes it.
 */
export type SignInProblemCode =
  'INVALID_CREDENTIALS' | 'EMAIL_TAKEN' | 'INVALID_INPUT' | 'RATE_LIMITED' | 'UNAVAILABLE';

export interface SignInProblem {
  code: SignInProblemCode;
  /** The server's own words, shown where they help (how long to wait, which rule a password breaks). */
  message: string;
  /** Per-field messages of a refused input (email, password, name). */
  fields: Record<string, string>;
}

const codes: readonly SignInProblemCode[] = [
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'INVALID_INPUT',
  'RATE_LIMITED',
  'UNAVAILABLE',
];

export function encodeSignInProblem(problem: SignInProblem): string {
  return JSON.stringify(problem);
}

/** Reads what next-auth passed on; anything else (next-auth's own `CredentialsSignin`, …) is a generic failure. */
export function decodeSignInProblem(text: string | null | undefined): SignInProblem {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<SignInProblem>;
    if (parsed.code && codes.includes(parsed.code)) {
      return {
        code: parsed.code,
        message: String(parsed.message ?? ''),
        fields: parsed.fields ?? {},
      };
    }
  } catch {
    // not one of ours
  }
  return { code: 'UNAVAILABLE', message: '', fields: {} };
}

/** The sentence a person reads above the form. */
export function describeSignInProblem(problem: SignInProblem): string {
  switch (problem.code) {
    case 'INVALID_CREDENTIALS':
      return 'That email and password do not match an account. Check them and try again.';
    case 'EMAIL_TAKEN':
      return 'An account with this email already exists. Sign in instead, or use another email.';
    case 'INVALID_INPUT':
      return 'Some fields need another look.';
    case 'RATE_LIMITED':
      return `Too many attempts. ${capitalise(problem.message || 'Wait a few minutes and try again.')}`;
    case 'UNAVAILABLE':
      return 'We could not reach the sign-in service. Try again in a moment.';
  }
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
