import { trustHeaders } from '@food/contracts';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { testRedisUrl } from '../test-support/env.js';
import {
  customer,
  otherCustomer,
  startGatewayHarness,
  testProxySecret,
  type GatewayHarness,
} from '../test-support/gateway-harness.js';

const harnesses: GatewayHarness[] = [];
async function gatewayWith(options: Parameters<typeof startGatewayHarness>[0]) {
  const harness = await startGatewayHarness(options);
  harnesses.push(harness);
  return harness;
}
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
});

const statuses = (responses: Response[]) => responses.map((response) => response.status);
const count = (values: number[], wanted: number) =>
  values.filter((value) => value === wanted).length;

describe('rate limiting in Redis', () => {
  it('lets exactly the budget through a concurrent burst of three times the budget, and refuses the rest with 429', async () => {
    const gateway = await gatewayWith({ perCaller: 5 });
    const token = await gateway.tokenFor(customer);
    const responses = await Promise.all(
      Array.from({ length: 15 }, () => gateway.fetch('/trpc/order.list', { token })),
    );

    expect(count(statuses(responses), 200)).toBe(5);
    expect(count(statuses(responses), 429)).toBe(10);
    expect(gateway.upstreams.order.received).toHaveLength(5);

    const refused = responses.find((response) => response.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused?.headers.get('ratelimit-limit')).toBe('5');
    expect(refused?.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused?.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect(refused?.headers.get('ratelimit-policy')).toBe('5;w=60');
    expect(await refused?.json()).toEqual({
      error: {
        message: expect.stringContaining('rate limit exceeded'),
        code: -32029,
        data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, path: 'order.list' },
      },
    });

    const remaining = responses
      .filter((response) => response.status === 200)
      .map((response) => response.headers.get('ratelimit-remaining'));
    expect(remaining.sort()).toEqual(['0', '1', '2', '3', '4']);
  });

  it('gives each user a budget of their own', async () => {
    const gateway = await gatewayWith({ perCaller: 3 });
    const first = await gateway.tokenFor(customer);
    const second = await gateway.tokenFor(otherCustomer);
    for (let i = 0; i < 3; i += 1)
      expect((await gateway.fetch('/trpc/order.list', { token: first })).status).toBe(200);
    expect((await gateway.fetch('/trpc/order.list', { token: first })).status).toBe(429);

    const response = await gateway.fetch('/trpc/order.list', { token: second });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('counts anonymous callers per client address', async () => {
    const gateway = await gatewayWith({ perCaller: 2, proxySecret: testProxySecret });
    const from = (address: string) => ({
      headers: { 'x-forwarded-for': address, [trustHeaders.proxySecret]: testProxySecret },
    });
    const burst = statuses(
      await Promise.all(
        [1, 2, 3].map(() => gateway.fetch('/trpc/order.menu', from('203.0.113.1'))),
      ),
    );
    expect(count(burst, 200)).toBe(2);
    expect(count(burst, 429)).toBe(1);
    expect((await gateway.fetch('/trpc/order.menu', from('203.0.113.2'))).status).toBe(200);
  });

  it('holds login and register to the stricter per-address budget, apart from the general one', async () => {
    const gateway = await gatewayWith({
      perCaller: 100,
      credentials: 3,
      proxySecret: testProxySecret,
    });
    const from = (address: string) => ({
      headers: {
        'x-forwarded-for': address,
        [trustHeaders.proxySecret]: testProxySecret,
        'content-type': 'application/json',
      },
    });
    const login = (address: string) =>
      gateway.fetch('/trpc/auth.login', { method: 'POST', body: '{}', ...from(address) });
    const register = (address: string) =>
      gateway.fetch('/trpc/auth.register', { method: 'POST', body: '{}', ...from(address) });

    const burst = await Promise.all(
      [login, login, register, login, register, login].map((call) => call('203.0.113.7')),
    );
    expect(count(statuses(burst), 200)).toBe(3);
    expect(count(statuses(burst), 429)).toBe(3);
    expect(burst.find((response) => response.status === 429)?.headers.get('ratelimit-limit')).toBe(
      '3',
    );

    // A signed-in user from the same address gets no more password attempts.
    const token = await gateway.tokenFor(customer);
    expect(
      (
        await gateway.fetch('/trpc/auth.login', {
          token,
          method: 'POST',
          body: '{}',
          ...from('203.0.113.7'),
        })
      ).status,
    ).toBe(429);
    // The general budget of that address is untouched, and another address has its own login budget.
    expect((await gateway.fetch('/trpc/order.menu', from('203.0.113.7'))).status).toBe(200);
    expect((await login('203.0.113.8')).status).toBe(200);
    expect(gateway.upstreams.auth.received).toHaveLength(4);
  });

  // Findings 1 and 6 of issue 12: a forged X-Forwarded-For bought a fresh sign-in budget per address.
  it('a forged X-Forwarded-For buys no sign-in attempts: without the proxy secret every login counts against the sender', async () => {
    const gateway = await gatewayWith({ credentials: 3, proxySecret: testProxySecret });
    const login = (headers: Record<string, string>) =>
      gateway.fetch('/trpc/auth.login', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', ...headers },
      });
    const forged = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` });
    expect((await login(forged(1))).status).toBe(200);
    expect((await login({ ...forged(2), [trustHeaders.proxySecret]: 'not-the-proxy-secret' })).status).toBe(200);
    expect((await login({ ...forged(3), forwarded: 'for=203.0.113.3', 'x-real-ip': '203.0.113.3' })).status).toBe(200);
    expect((await login(forged(4))).status).toBe(429);
    expect(
      gateway.upstreams.auth.received.map((request) => request.headers['x-forwarded-for']),
    ).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
    // The proxy that proves itself has its client's address believed: that address has its own budget.
    expect((await login({ ...forged(5), [trustHeaders.proxySecret]: testProxySecret })).status).toBe(200);
  });

  // Finding 2 of issue 12: 404s were free, so unknown paths could be repeated without limit.
  it('charges 404s and malformed paths like any call', async () => {
    const gateway = await gatewayWith({ perCaller: 3 });
    expect((await gateway.fetch('/trpc/kitchen.open')).status).toBe(404);
    expect((await gateway.fetch('/nowhere')).status).toBe(404);
    expect((await gateway.fetch('/trpc/order.%E0%A4%A')).status).toBe(400);
    const refused = await gateway.fetch(`/trpc/x${Math.random().toString(36).slice(2)}.y`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(gateway.allReceived()).toHaveLength(0);
  });

  it('charges a batch one unit per procedure', async () => {
    const gateway = await gatewayWith({ perCaller: 4 });
    const token = await gateway.tokenFor(customer);

    const batch = await gateway.fetch('/trpc/order.list,order.get,order.menu?batch=1', { token });
    expect(batch.status).toBe(200);
    expect(batch.headers.get('ratelimit-remaining')).toBe('1');

    const tooBig = await gateway.fetch('/trpc/order.list,order.get?batch=1', { token });
    expect(tooBig.status).toBe(429);
    expect(await tooBig.json()).toHaveLength(2);
    expect((await gateway.fetch('/trpc/order.list', { token })).status).toBe(200);
  });

  it('admits requests again once earlier ones leave the sliding window', async () => {
    const gateway = await gatewayWith({ perCaller: 2, windowSeconds: 1 });
    const token = await gateway.tokenFor(customer);
    await gateway.fetch('/trpc/order.list', { token });
    await gateway.fetch('/trpc/order.list', { token });
    const refused = await gateway.fetch('/trpc/order.list', { token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await gateway.fetch('/trpc/order.list', { token })).status).toBe(200);
  });

  it('sends the RateLimit headers on admitted answers, and on a 401 too', async () => {
    const gateway = await gatewayWith({ perCaller: 10 });
    const admitted = await gateway.fetch('/trpc/order.menu');
    expect(admitted.headers.get('ratelimit-limit')).toBe('10');
    expect(admitted.headers.get('ratelimit-remaining')).toBe('9');
    expect(Number(admitted.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(admitted.headers.get('retry-after')).toBeNull();

    const unauthorized = await gateway.fetch('/trpc/order.list');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('ratelimit-remaining')).toBe('8');
  });

  it('stores its counters under the configured key prefix only', async () => {
    const gateway = await gatewayWith({ perCaller: 10 });
    await gateway.fetch('/trpc/order.menu');
    const redis = new Redis(testRedisUrl);
    try {
      expect(await redis.keys(`${gateway.keyPrefix}*`)).toEqual([
        `${gateway.keyPrefix}caller:ip:127.0.0.1`,
      ]);
    } finally {
      redis.disconnect();
    }
  });
});
