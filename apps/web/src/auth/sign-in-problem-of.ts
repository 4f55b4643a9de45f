import { TRPCClientError } from '@trpc/client';
import type { SignInProblem } from './sign-in-problem';

interface ErrorData {
  code?: string;
  validation?: Array<{ path: string; message: string }> | null;
}

/** Turns what auth.login or auth.register answered into the form's vocabulary. */
export function signInProblemOf(error: unknown): SignInProblem {
  if (!(error instanceof TRPCClientError)) return { code: 'UNAVAILABLE', message: '', fields: {} };
  const data = (error.data ?? {}) as ErrorData;
  const message = error.message;
  switch (data.code) {
    case 'UNAUTHORIZED':
      return { code: 'INVALID_CREDENTIALS', message, fields: {} };
    case 'CONFLICT':
      return {
        code: 'EMAIL_TAKEN',
        message,
        fields: { email: 'An account with this email already exists.' },
      };
    case 'TOO_MANY_REQUESTS':
      return { code: 'RATE_LIMITED', message, fields: {} };
    case 'BAD_REQUEST': {
      const fields = Object.fromEntries(
        (data.validation ?? []).map((issue) => [issue.path, issue.message]),
      );
      return { code: 'INVALID_INPUT', message, fields };
    }
    default:
      return { code: 'UNAVAILABLE', message, fields: {} };
  }
}
