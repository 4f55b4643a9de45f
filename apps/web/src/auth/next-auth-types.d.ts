import type { SessionTokens } from '@food/api-client';
import type { SessionProblem, SessionUser } from './session-user';

declare module 'next-auth' {
  /** What `getServerSession` answers: the user only, never a token. */
  interface Session {
    user: SessionUser;
    error?: SessionProblem;
  }

  /** What the Credentials provider's `authorize` returns after auth.login or auth.register. */
  interface User extends SessionTokens {
    sessionUser: SessionUser;
  }
}

declare module 'next-auth/jwt' {
  /** The encrypted, httpOnly session cookie: the user and their tokens (or, after a refused refresh, the problem). */
  interface JWT extends Partial<SessionTokens> {
    user?: SessionUser;
    error?: SessionProblem;
  }
}
