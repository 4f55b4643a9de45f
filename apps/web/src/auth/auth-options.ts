import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '../env';
import { createGatewayClient } from '../gateway/gateway-client';
import { serverLog } from '../server-log';
import { clientAddressOf } from './client-address';
import { sessionCookie, sessionMaxAgeSeconds } from './session-cookie';
import { encodeSignInProblem } from './sign-in-problem';
import { signInProblemOf } from './sign-in-problem-of';

const credentialsInput = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('sign-in'), email: z.string(), password: z.string() }),
  z.object({
    intent: z.literal('register'),
    email: z.string(),
    password: z.string(),
    name: z.string(),
  }),
]);

/**
 * One provider for both doors: `sign-in` calls auth.login, `register` calls auth.register, which answers with a
 * session just like login, so a new customer is signed in by the same call that created the account.
 */
const emailAndPassword = CredentialsProvider({
  id: 'credentials',
  name: 'Email and password',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
    name: { label: 'Name', type: 'text' },
    intent: { label: 'Intent', type: 'text' },
  },
  async authorize(credentials, request) {
    const parsed = credentialsInput.safeParse(credentials);
    if (!parsed.success) {
      throw new Error(
        encodeSignInProblem({ code: 'INVALID_INPUT', message: 'incomplete form', fields: {} }),
      );
    }
    const input = parsed.data;
    const headers = new Headers(
      Object.entries(request.headers ?? {}).map(([name, value]): [string, string] => [
        name,
        String(value),
      ]),
    );
    const gateway = createGatewayClient({ clientAddress: clientAddressOf(headers) });
    try {
      const answer =
        input.intent === 'register'
          ? await gateway.auth.register.mutate({
              email: input.email,
              password: input.password,
              name: input.name,
            })
          : await gateway.auth.login.mutate({ email: input.email, password: input.password });
      serverLog.info(input.intent === 'register' ? 'registered and signed in' : 'signed in', {
        userId: answer.user.id,
      });
      return {
        id: answer.user.id,
        sessionUser: answer.user,
        accessToken: answer.accessToken,
        accessTokenExpiresAt: answer.accessTokenExpiresAt,
        refreshToken: answer.refreshToken,
      };
    } catch (error) {
      const problem = signInProblemOf(error);
      serverLog.info('sign-in refused', { intent: input.intent, problem: problem.code });
      throw new Error(encodeSignInProblem(problem));
    }
  },
});

let options: AuthOptions | undefined;

/**
 * next-auth's configuration. Tokens live only in the encrypted cookie; the session the browser can read holds the
 * user. Access tokens are refreshed by proxy.ts, the one place that can write the rotated refresh token back into
 * the cookie on every kind of request (a server component cannot set cookies).
 */
export function authOptions(): AuthOptions {
  return (options ??= {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    useSecureCookies: sessionCookie().options.secure,
    cookies: { sessionToken: sessionCookie() },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [emailAndPassword],
    callbacks: {
      jwt({ token, user }) {
        // `user` is there only at sign-in: start the cookie afresh with the tokens auth issued.
        if (user) {
          const { accessToken, accessTokenExpiresAt, refreshToken, sessionUser } = user;
          return {
            sub: sessionUser.id,
            user: sessionUser,
            accessToken,
            accessTokenExpiresAt,
            refreshToken,
          };
        }
        return token;
      },
      session({ session, token }) {
        if (token.user) session.user = token.user;
        if (token.error) session.error = token.error;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        // Revokes the whole refresh family, so a copy of the cookie taken before sign-out is worthless too.
        if (!token.refreshToken) return;
        try {
          await createGatewayClient().auth.logout.mutate({ refreshToken: token.refreshToken });
          serverLog.info('signed out', { userId: token.user?.id });
        } catch (error) {
          serverLog.warn('sign-out could not revoke the refresh token', {
            userId: token.user?.id,
            error: (error as Error).message,
          });
        }
      },
    },
  });
}
