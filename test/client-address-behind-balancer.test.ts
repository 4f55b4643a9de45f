// Issue 13: behind the one web address (web-balancer) the gateway's per-client budgets and auth's login throttle
// must count each client, not the balancer. The stack's web instances trust X-Forwarded-For from the balancer's
// address only (WEB_TRUSTED_PROXIES, scripts/lib/stack.mjs). Each client here calls from its own loopback address
// (Linux routes all of 127.0.0.0/8 to loopback), so what the gateway and auth counted shows in Redis by address.
import { randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { stackUrl, testStack } from './support/stack.js';

const redis = new Redis(testStack().redisUrl, { maxRetriesPerRequest: 1 });
afterAll(() => redis.disconnect());

/** A loopback address of its own for one client: neither 127.0.0.1 (every other process) nor the balancer's. */
const clientLoopbackAddress = () =>
  `127.${randomInt(10, 250)}.${randomInt(256)}.${randomInt(1, 255)}`;
/** An address the client claims to be, from the benchmarking range that nothing else in the run uses. */
const claimedAddress = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

interface Answer {
  status: number;
  cookies: string[];
  body: string;
}

/** One HTTP request on a new connection from `sourceAddress`. */
function requestFrom(
  sourceAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      localAddress: sourceAddress,
      agent: false,
    });
    outgoing.setTimeout(30_000, () =>
      outgoing.destroy(new Error(`${url} did not answer within 30 s`)),
    );
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          cookies: response.headers['set-cookie'] ?? [],
          body,
        }),
      );
    });
    outgoing.end(init.body);
  });
}

/** What a browser at `sourceAddress` does: reads the menu, then fails to sign in (an unknown account). */
async function menuAndFailedSignIn(
  sourceAddress: string,
  web: string,
  claim: Record<string, string>,
) {
  const menu = await requestFrom(sourceAddress, `${web}/api/trpc/order.menu`, { headers: claim });
  expect(menu.status, menu.body).toBe(200);
  const csrf = await requestFrom(sourceAddress, `${web}/api/auth/csrf`, { headers: claim });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const signIn = await requestFrom(sourceAddress, `${web}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: {
      ...claim,
      cookie: csrf.cookies.map((line) => line.split(';')[0]).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      csrfToken,
      email: `nobody-${randomUUID().slice(0, 8)}@example.test`,
      password: 'not-a-password-1',
      intent: 'sign-in',
      json: 'true',
    }).toString(),
  });
  expect(signIn.status, signIn.body).toBeLessThan(500);
}

async function keysMatching(pattern: string): Promise<string[]> {
  const found: string[] = [];
  for await (const keys of redis.scanStream({ match: pattern, count: 1000 }))
    found.push(...(keys as string[]));
  return found;
}

/** What counted `address`: the gateway's budgets (rate limits) and auth's failed-login counter. */
async function countersOf(address: string) {
  return {
    gatewayBudgets: (await keysMatching(`*:gateway:rate-limit:*ip:${address}`)).length,
    loginThrottle: (await keysMatching(`*:auth:login-throttle:ip:${address}`)).length,
  };
}

const notCounted = { gatewayBudgets: 0, loginThrottle: 0 };
/** The balancer's own address (scripts/lib/stack.mjs, webBalancerSourceAddress). */
const balancerAddress = '127.0.0.2';

describe('the client address behind the web balancer', () => {
  it("through the balancer, the gateway and auth count the client's address, not the balancer's or a claim", async () => {
    const client = clientLoopbackAddress();
    const claimed = claimedAddress();
    await menuAndFailedSignIn(client, stackUrl('web-balancer'), { 'x-forwarded-for': claimed });

    const ofClient = await countersOf(client);
    expect(ofClient.loginThrottle, 'auth counted the failed sign-in for the client').toBe(1);
    expect(ofClient.gatewayBudgets, 'the gateway keyed a budget by the client').toBeGreaterThan(0);
    expect(await countersOf(claimed), 'what the client claimed').toEqual(notCounted);
    expect(await countersOf(balancerAddress), 'the balancer').toEqual(notCounted);
  });

  it('straight at a web instance, a client that claims an X-Forwarded-For is not believed', async () => {
    const client = clientLoopbackAddress();
    const claimed = claimedAddress();
    await menuAndFailedSignIn(client, stackUrl('web'), {
      'x-forwarded-for': claimed,
      'x-real-ip': claimed,
      forwarded: `for=${claimed}`,
    });

    expect(await countersOf(claimed), 'what the client claimed').toEqual(notCounted);
    const ofClient = await countersOf(client);
    expect(ofClient.loginThrottle, 'auth counted the socket address').toBe(1);
    expect(
      ofClient.gatewayBudgets,
      'the gateway keyed a budget by the socket address',
    ).toBeGreaterThan(0);
  });
});
