import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from './app-router.js';
import type { ApiClientOptions } from './client-options.js';
import { retryWhenOverloaded } from './retry-when-overloaded.js';
import { routeByService } from './route-by-service.js';

export interface SessionTokens {
  accessToken: string;
  /** ISO time the access token expires. */
  accessTokenExpiresAt: string;
  refreshToken: string;
}

/** Refresh this long before the access token expires, so a call never leaves with a token about to lapse. */
const refreshMarginMs = 60_000;

/**
 * Holds a signed-in session's tokens: hands out a fresh access token (refreshing shortly before expiry, one
 * refresh at a time), and refreshes on demand after a 401.
 */
export class ApiSession {
  private refreshing: Promise<void> | undefined;
  private readonly anonymous;

  constructor(
    readonly url: string,
    private tokens: SessionTokens,
  ) {
    this.anonymous = createAnonymousClient(url);
  }

  current(): SessionTokens {
    return { ...this.tokens };
  }

  async accessToken(): Promise<string> {
    if (Date.parse(this.tokens.accessTokenExpiresAt) - Date.now() < refreshMarginMs) await this.refresh();
    return this.tokens.accessToken;
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.anonymous.auth.refresh
      .mutate({ refreshToken: this.tokens.refreshToken })
      .then((answer) => {
        this.tokens = {
          accessToken: answer.accessToken,
          accessTokenExpiresAt: answer.accessTokenExpiresAt,
          refreshToken: answer.refreshToken,
        };
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}

/** A client without credentials: public procedures only (register, login, refresh, menu). */
export function createAnonymousClient(url: string, options: ApiClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [retryWhenOverloaded(options.overloadRetry), routeByService(() => httpBatchLink({ url }))],
  });
}
