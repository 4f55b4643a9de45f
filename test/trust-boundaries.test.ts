// Issue 12's findings 1 and 6, replayed against the running stack from outside: who may set X-Forwarded-For, and
// which ports answer whom. Whether an address was believed shows in Redis: the gateway keys its budgets by it.
import { randomInt } from 'node:crypto';
import { trustHeaders } from '@food/contracts';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { stackUrl, testStack } from './support/stack.js';

const redis = new Redis(testStack().redisUrl, { maxRetriesPerRequest: 1 });
afterAll(() => redis.disconnect());

/** An address from the benchmarking range that nothing else in the run uses. */
const unusedAddress = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

/** Keys of any stack's budgets or counters that name `address`. */
async function keysNaming(address: string): Promise<string[]> {
  const found: string[] = [];
  for await (const keys of redis.scanStream({ match: `*ip:${address}`, count: 1000 })) found.push(...(keys as string[]));
  return found;
}

const menuCall = '/trpc/order.menu';

describe('X-Forwarded-For is believed only from the proxy that proves it is one', () => {
  it('the gateway ignores it from a caller without the proxy secret, even on 127.0.0.1', async () => {
    const forged = unusedAddress();
    for (const secret of [undefined, 'not-the-proxy-secret']) {
      const headers: Record<string, string> = { 'x-forwarded-for': forged };
      if (secret) headers[trustHeaders.proxySecret] = secret;
      expect((await fetch(`${stackUrl('gateway')}${menuCall}`, { headers })).status).toBe(200);
    }
    expect(await keysNaming(forged)).toEqual([]);

    const proven = unusedAddress();
    const headers = { 'x-forwarded-for': proven, [trustHeaders.proxySecret]: testStack().secrets.proxy };
    expect((await fetch(`${stackUrl('gateway')}${menuCall}`, { headers })).status).toBe(200);
    expect(await keysNaming(proven)).toHaveLength(1);
  });

  it("the web app passes on the address it saw on the socket, never the client's header", async () => {
    const forged = unusedAddress();
    const web = stackUrl('web');
    const spoofing = { 'x-forwarded-for': forged, 'x-real-ip': forged, forwarded: `for=${forged}` };
    expect((await fetch(`${web}/api/trpc/order.menu`, { headers: spoofing })).status).toBe(200);

    // A sign-in through next-auth's credentials callback, as the sign-in form posts it.
    const csrf = await fetch(`${web}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const signIn = await fetch(`${web}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...spoofing, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrfToken,
        email: testStack().accounts.customer.email,
        password: 'not-the-password-1',
        intent: 'sign-in',
        json: 'true',
      }),
    });
    expect(signIn.status).toBeLessThan(500);
    expect(await keysNaming(forged)).toEqual([]);
  });
});

describe('services answer only the gateway', () => {
  it('22 wrong passwords on distinct emails straight at auth are all refused, never evaluated', async () => {
    for (let attempt = 0; attempt < 22; attempt += 1) {
      const response = await fetch(`${stackUrl('auth')}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': unusedAddress() },
        body: JSON.stringify({ email: `guess-${attempt}@example.test`, password: 'wrong password 1' }),
      });
      expect(response.status).toBe(403);
    }
  });

  it('a 1,000-call batch straight at order is refused', async () => {
    const paths = Array.from({ length: 1000 }, () => 'order.menu').join(',');
    const response = await fetch(`${stackUrl('order')}/trpc/${paths}?batch=1`, { method: 'GET' });
    expect(response.status).toBe(403);
  });
});
