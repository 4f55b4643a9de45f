import type { Role } from '@food/contracts';

/** Who is signed in, as the browser may see it: never a token. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Why a session cookie no longer signs anyone in: its refresh token was refused (expired, revoked, reused). */
export type SessionProblem = 'SessionExpired';
