import { createTRPCClient, httpBatchLink, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from './app-router.js';
import type { ApiClientOptions } from './client-options.js';
import { retryWhenOverloaded } from './retry-when-overloaded.js';
import { routeByService } from './route-by-service.js';
import {
  ApiSession,
  createAnonymousClient,
  isUnauthorized,
  type SessionTokens,
} from './session.js';

/** After a 401, refresh the session once and send the operation again; a second 401 is the caller's to see. */
function retryOnceAfterRefresh(session: ApiSession): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let retried = false;
        let subscription: { unsubscribe(): void } | undefined;
        const attempt = () => {
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (retried || !isUnauthorized(error)) return observer.error(error);
              retried = true;
              session.refresh().then(attempt, () => observer.error(error));
            },
          });
        };
        attempt();
        return () => subscription?.unsubscribe();
      });
}

/**
 * A typed client acting for a signed-in user, through the gateway at `url` (for example http://127.0.0.1:4000/trpc).
 * Calls safe to repeat are sent again after a 503 or 429 (`options.overloadRetry`).
 */
export function createApiClient(session: ApiSession, options: ApiClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      retryOnceAfterRefresh(session),
      retryWhenOverloaded(options.overloadRetry),
      routeByService(() =>
        httpBatchLink({
          url: session.url,
          headers: async () => ({ authorization: `Bearer ${await session.accessToken()}` }),
        }),
      ),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Signs in with email and password; returns the session and a client that keeps it fresh. */
export async function signIn(
  url: string,
  credentials: { email: string; password: string },
  options: ApiClientOptions = {},
) {
  const answer = await createAnonymousClient(url, options).auth.login.mutate(credentials);
  const tokens: SessionTokens = {
    accessToken: answer.accessToken,
    accessTokenExpiresAt: answer.accessTokenExpiresAt,
    refreshToken: answer.refreshToken,
  };
  const session = new ApiSession(url, tokens);
  return { session, user: answer.user, client: createApiClient(session, options) };
}
