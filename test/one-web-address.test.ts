import { randomUUID } from 'node:crypto';
import { createAnonymousClient } from '@food/api-client';
import { describe, expect, it } from 'vitest';
import { WebSession } from '../scripts/chaos/web-session.js';
import { queryService } from './support/customers.js';
import { gatewayTrpcUrl, stackUrl } from './support/stack.js';

/**
 * The test stack's two web instances stand behind one address (`web-balancer`: round robin, no affinity, as the
 * ingress does in a deployment). Every request refreshes the session here (WEB_ACCESS_TOKEN_REFRESH_MARGIN_SECONDS
 * just under the access token's lifetime), so consecutive requests rotate it on alternating instances.
 */
describe('one web address in front of two instances, no sticky sessions', () => {
  it('a signed-in customer stays signed in while requests go to one instance and then the other', async () => {
    const account = { email: `one-address-${randomUUID().slice(0, 8)}@example.test`, password: 'correct-horse-battery-1' };
    await createAnonymousClient(gatewayTrpcUrl()).auth.register.mutate({ ...account, name: 'One Address' });
    const session = await WebSession.signIn(stackUrl('web-balancer'), account);
    const cookiesSeen = new Set([session.sessionCookie()]);

    for (let request = 0; request < 6; request += 1) {
      // A refresh is due once a whole second of the token's life has passed.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const answer = await session.query<{ unread: number }>('notification.unreadCount');
      expect(answer.status, `request ${request + 1}, served by ${session.servedBy.at(-1)}`).toBe(200);
      expect(answer.data).toEqual({ unread: 0 });
      cookiesSeen.add(session.sessionCookie());
    }

    expect(new Set(session.servedBy), 'both instances served the one address').toEqual(new Set(['web', 'web-2']));
    expect(cookiesSeen.size, 'the session was refreshed on the way').toBeGreaterThan(2);
    const tokens = await queryService<{ revoked_at: Date | null }>(
      'auth',
      'SELECT t.revoked_at FROM refresh_token t JOIN user_account u ON u.id = t.user_id WHERE u.email = $1',
      [account.email],
    );
    expect(tokens.length, 'each refresh rotated the refresh token').toBeGreaterThan(2);
    expect(tokens.filter((token) => token.revoked_at !== null), 'no refresh token was presented twice').toEqual([]);
  });
});
