import { describe, expect, it } from 'vitest';
import { queryService } from '../support/customers.js';
import { stackUrl } from '../support/stack.js';
import { sessionCookie, useVisitors } from './support/browser.js';
import { registerThroughUi } from './support/web-flows.js';

/**
 * The test stack runs a second web instance (`web-2`) beside the first, for one public address with no sticky
 * sessions: whichever instance a request reaches, a refresh token is used once. Every request refreshes here
 * (WEB_ACCESS_TOKEN_REFRESH_MARGIN_SECONDS just under the access token's lifetime).
 */
describe('two web instances without sticky sessions', () => {
  const openVisitor = useVisitors();

  it('a request with the old cookie at instance B, after instance A refreshed it, gets the new session: the sign-in survives', async () => {
    const { page, context } = await openVisitor();
    const account = await registerThroughUi(page, 'two-instances');
    const cookie = await sessionCookie(context);
    expect(cookie).toBeTruthy();
    const callWith = (instance: string, value: string) =>
      fetch(new URL('/api/trpc/notification.unreadCount', stackUrl(instance)), {
        headers: { cookie: `${cookie!.name}=${value}` },
      });
    const newCookieOf = (response: Response) =>
      response.headers
        .getSetCookie()
        .find((line) => line.startsWith(`${cookie!.name}=`))
        ?.split(';')[0]
        ?.slice(cookie!.name.length + 1);

    // The test stack refreshes an access token once less than 899 of its 900 s are left, counted in whole
    // seconds of its expiry: right after sign-in (a quiet machine gets here within a second) nothing is due yet.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const throughA = await callWith('web', cookie!.value);
    expect(throughA.status).toBe(200);
    const rotatedByA = newCookieOf(throughA);
    expect(rotatedByA, 'instance A refreshed the session').toBeTruthy();

    // A request that left the browser before A's answer, with the old cookie, reaches instance B.
    const throughB = await callWith('web-2', cookie!.value);
    expect(throughB.status).toBe(200);
    expect(newCookieOf(throughB), 'instance B hands out the session A rotated to').toBeTruthy();

    // The newest cookie still works at either instance, and no refresh token was presented twice.
    expect((await callWith('web-2', rotatedByA!)).status).toBe(200);
    expect((await callWith('web', newCookieOf(throughB)!)).status).toBe(200);
    const tokens = await queryService<{ revoked_at: Date | null }>(
      'auth',
      `SELECT t.revoked_at FROM refresh_token t JOIN user_account u ON u.id = t.user_id WHERE u.email = $1`,
      [account.email],
    );
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(tokens.filter((token) => token.revoked_at !== null)).toEqual([]);
  });
});
