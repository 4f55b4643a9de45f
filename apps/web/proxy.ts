import { NextResponse, type NextRequest } from 'next/server';
import { clientAddressOf } from '@/auth/client-address';
import { requiresSignIn } from '@/auth/protected-paths';
import { refreshedSession } from '@/auth/refreshed-session';
import { writeSessionCookie, type CookieReader } from '@/auth/session-cookie';
import { env, isDevelopment } from '@/env';
import {
  contentSecurityPolicy,
  newNonce,
  strictTransportSecurity,
} from '@/security/security-headers';

/**
 * Runs before every page and /api/trpc request: refreshes the session's access token when it is about to expire
 * (writing the rotated tokens both into this request, so the page or the BFF sees them, and into the response, so
 * the browser keeps them), sends signed-out visitors of private pages to sign in, and sets this response's content
 * security policy with a fresh nonce (Next.js reads it from the request's CSP header and puts it on its scripts).
 */
export async function proxy(request: NextRequest) {
  const https = env.NEXTAUTH_URL.startsWith('https://');
  const policy = contentSecurityPolicy(newNonce(), { development: isDevelopment, https });
  const sent = request.cookies.getAll();
  const before: CookieReader = {
    get: (name) => sent.find((cookie) => cookie.name === name),
    getAll: () => sent,
  };
  const session = await refreshedSession(before, clientAddressOf(request.headers));
  const signedIn = Boolean(session.token?.accessToken && !session.token.error);

  let response: NextResponse;
  if (!signedIn && requiresSignIn(request.nextUrl.pathname)) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = '/sign-in';
    signIn.search = '';
    signIn.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
    if (session.token?.error) signIn.searchParams.set('reason', 'session-ended');
    response = NextResponse.redirect(signIn);
  } else {
    if (session.changedCookie) {
      writeSessionCookie(
        before,
        {
          set: (name, value) => request.cookies.set(name, value),
          delete: (name) => request.cookies.delete(name),
        },
        session.changedCookie,
      );
    }
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers } });
  }
  if (session.changedCookie) {
    const browser = response.cookies;
    writeSessionCookie(
      before,
      {
        set: (name, value, options) => browser.set(name, value, options),
        delete: (name) => browser.delete(name),
      },
      session.changedCookie,
    );
  }
  response.headers.set('content-security-policy', policy);
  if (https) response.headers.set('strict-transport-security', strictTransportSecurity);
  return response;
}

export const config = {
  // Everything but next-auth's own routes and Next's static files (the app has no public/ folder). Extensions are
  // not excluded: tRPC paths end in procedure names (`/api/trpc/order.list`).
  matcher: ['/((?!api/auth/|_next/static/|_next/image|favicon.ico|icon.svg).*)'],
};
