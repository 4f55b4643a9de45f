import { describe, expect, it } from 'vitest';
import { eventually, queryService } from '../support/customers.js';
import { timeouts } from './playwright.config.js';
import { screenshot, sessionCookie, useVisitors, webUrl } from './support/browser.js';
import { registerThroughUi } from './support/web-flows.js';

interface RefreshTokenRow {
  family_id: string;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** The user's refresh tokens as auth stored them: each rotation adds one to the sign-in's family. */
async function refreshTokensOf(email: string) {
  return queryService<RefreshTokenRow>(
    'auth',
    `SELECT t.family_id, t.used_at, t.revoked_at FROM refresh_token t JOIN user_account u ON u.id = t.user_id
     WHERE u.email = $1 ORDER BY t.created_at`,
    [email],
  );
}

/**
 * The test stack starts the web app with WEB_ACCESS_TOKEN_REFRESH_MARGIN_SECONDS just under the access token's
 * 15-minute lifetime, so every request after the first second counts as "about to expire": what happens after 15
 * minutes in real life happens here on the next page.
 */
describe('web console: a long session stays signed in', () => {
  const openVisitor = useVisitors();

  it(
    'past its access token, the session refreshes without a new sign-in; sign-out revokes it',
    async () => {
      const { page, context, pageErrors } = await openVisitor();
      const account = await registerThroughUi(page, 'refresh');
      const firstCookie = (await sessionCookie(context))?.value;
      expect(firstCookie, 'next-auth keeps the session in an httpOnly cookie').toBeTruthy();
      expect((await sessionCookie(context))?.httpOnly).toBe(true);
      // Registering started one family; the first pages may already have refreshed it.
      const before = await refreshTokensOf(account.email);
      expect(before.length).toBeGreaterThanOrEqual(1);

      // Keep using the app until the web app has refreshed the tokens at least twice.
      const rotated = await eventually(
        async () => {
          await page.goto(webUrl('/orders'));
          await page.getByRole('heading', { name: 'No orders yet' }).waitFor();
          const tokens = await refreshTokensOf(account.email);
          return tokens.length >= before.length + 2 && tokens;
        },
        30_000,
        'two refreshes (is WEB_ACCESS_TOKEN_REFRESH_MARGIN_SECONDS set high, e.g. 899, for the test stack web app?)',
      );
      expect(new URL(page.url()).pathname).toBe('/orders');
      expect((await sessionCookie(context))?.value).not.toBe(firstCookie);
      // One family, every older token used once, none revoked: no refresh token was ever presented twice.
      expect(new Set(rotated.map((token) => token.family_id)).size).toBe(1);
      expect(rotated.filter((token) => token.revoked_at !== null)).toEqual([]);
      expect(rotated.slice(0, -1).every((token) => token.used_at !== null)).toBe(true);

      // Calls through the BFF still succeed with the refreshed token, several at once.
      const calls = await Promise.all(
        Array.from({ length: 4 }, () =>
          page.request.get(webUrl(`/api/trpc/notification.unreadCount`)),
        ),
      );
      expect(calls.map((call) => call.status())).toEqual([200, 200, 200, 200]);
      expect(await page.getByTestId('account-name').innerText()).toBe(account.name);
      await screenshot(page, 'my-orders-after-refresh');

      // Signing out revokes the whole refresh family through auth.logout.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      const after = await eventually(
        async () => {
          const tokens = await refreshTokensOf(account.email);
          return tokens.every((token) => token.revoked_at !== null) && tokens;
        },
        10_000,
        'sign-out to revoke the refresh tokens',
      );
      expect(after.length).toBeGreaterThanOrEqual(3);
      expect(await sessionCookie(context)).toBeUndefined();

      expect(pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
