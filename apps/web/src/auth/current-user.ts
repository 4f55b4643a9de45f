import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { authOptions } from './auth-options';
import { readSessionCookie } from './session-cookie';
import type { SessionUser } from './session-user';

/** The signed-in user of this request, or null (also when the session ended and needs a new sign-in). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // Reading the cookies first also marks the page as rendered per request, before any setting is needed.
  if (!readSessionCookie(await cookies())) return null;
  const session = await getServerSession(authOptions());
  if (!session || session.error || !session.user?.id) return null;
  return session.user;
});
