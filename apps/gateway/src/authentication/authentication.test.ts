import { accessTokenAudience, accessTokenIssuer } from '@food/contracts';
import { base64url, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customer,
  jsonBody,
  startGatewayHarness,
  type GatewayHarness,
} from '../test-support/gateway-harness.js';

let gateway: GatewayHarness;
beforeAll(async () => {
  gateway = await startGatewayHarness();
});
afterAll(() => gateway.close());

const unauthorizedFor = (path: string, message: unknown = expect.any(String)) => ({
  error: { message, code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, path } },
});

describe('a verified access token', () => {
  it('reaches the service with the verified identity, the token, a correlation id and no client-sent identity', async () => {
    const token = await gateway.tokenFor(customer);
    const response = await gateway.fetch('/trpc/order.list', {
      token,
      headers: { 'x-user-id': 'someone-else', 'x-user-role': 'ADMIN' },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      result: { data: { service: 'order', path: 'order.list' } },
    });
    expect(gateway.allReceived()).toHaveLength(1);
    const [received] = gateway.upstreams.order.received;
    expect(received?.headers).toMatchObject({
      'x-user-id': customer.sub,
      'x-user-role': customer.role,
      authorization: `Bearer ${token}`,
      'x-correlation-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(response.headers.get('x-correlation-id')).toBe(received?.headers['x-correlation-id']);
  });

  it('passes the request body through unchanged', async () => {
    const token = await gateway.tokenFor(customer);
    const before = gateway.upstreams.order.received.length;
    const response = await gateway.fetch('/trpc/order.create', {
      token,
      ...jsonBody({ items: [{ menuItemId: 'm1', quantity: 2 }] }),
    });

    expect(response.status).toBe(200);
    const received = gateway.upstreams.order.received[before];
    expect(received?.method).toBe('POST');
    expect(JSON.parse(received?.body ?? '')).toEqual({
      items: [{ menuItemId: 'm1', quantity: 2 }],
    });
  });
});

describe('refused access tokens: 401 and the request reaches no service', () => {
  // Each with the reason it must be refused for, so a token refused by accident (say, a typo in a claim) cannot pass.
  const forgeries: Array<[string, (gateway: GatewayHarness) => Promise<string>, RegExp]> = [
    [
      'expired',
      (g) => g.issuer.sign(customer, { expiresAt: Math.floor(Date.now() / 1000) - 60 }),
      /"exp" claim/,
    ],
    [
      'signed by another key under the same kid',
      async (g) => g.issuer.sign(customer, { key: (await generateKeyPair('ES256')).privateKey }),
      /signature verification failed/,
    ],
    [
      'alg none',
      async (g) => {
        const valid = await g.issuer.sign(customer);
        const header = base64url.encode(
          JSON.stringify({ alg: 'none', kid: g.issuer.kid, typ: 'JWT' }),
        );
        return `${header}.${valid.split('.')[1]}.`;
      },
      /"alg".*not allowed/,
    ],
    [
      'HS256 with the public key as the HMAC secret',
      async (g) =>
        new SignJWT({ role: customer.role, email: customer.email })
          .setProtectedHeader({ alg: 'HS256', kid: g.issuer.kid })
          .setSubject(customer.sub)
          .setJti('forged')
          .setIssuer(accessTokenIssuer)
          .setAudience(accessTokenAudience)
          .setExpirationTime('15m')
          .sign(new TextEncoder().encode(await exportSPKI(g.issuer.publicKey))),
      /"alg".*not allowed/,
    ],
    [
      'for another audience',
      (g) => g.issuer.sign(customer, { audience: 'food-ordering/other-api' }),
      /"aud" claim/,
    ],
    [
      'from another issuer',
      (g) => g.issuer.sign(customer, { issuer: 'someone-else/auth' }),
      /"iss" claim/,
    ],
    [
      'with an unknown kid',
      async (g) =>
        g.issuer.sign(customer, {
          kid: 'unknown-key',
          key: (await generateKeyPair('ES256')).privateKey,
        }),
      /no applicable key/,
    ],
    [
      'with the role edited after signing',
      async (g) => {
        const [header, payload, signature] = (await g.issuer.sign(customer)).split('.');
        const claims = JSON.parse(
          new TextDecoder().decode(base64url.decode(payload ?? '')),
        ) as Record<string, unknown>;
        return `${header}.${base64url.encode(JSON.stringify({ ...claims, role: 'ADMIN' }))}.${signature}`;
      },
      /signature verification failed/,
    ],
  ];

  it.each(forgeries)('a token %s', async (_name, forge, reason) => {
    const token = await forge(gateway);
    const before = gateway.allReceived().length;
    const response = await gateway.fetch('/trpc/order.list', { token });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(
      unauthorizedFor('order.list', expect.stringMatching(reason)),
    );
    expect(gateway.allReceived()).toHaveLength(before);
  });

  it('no token on a non-public procedure', async () => {
    const before = gateway.allReceived().length;
    const response = await gateway.fetch('/trpc/order.create', jsonBody({ items: [] }));

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(
      unauthorizedFor('order.create', 'sign in first: no access token'),
    );
    expect(gateway.allReceived()).toHaveLength(before);
  });

  it('an Authorization header that is not a Bearer token', async () => {
    const before = gateway.allReceived().length;
    const response = await gateway.fetch('/trpc/auth.me', {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });

    expect(response.status).toBe(401);
    expect(gateway.allReceived()).toHaveLength(before);
  });

  it('a batch answers one error per procedure, and is public only if every procedure is', async () => {
    const before = gateway.allReceived().length;
    const response = await gateway.fetch(
      '/trpc/auth.login,auth.me?batch=1',
      jsonBody({ 0: {}, 1: {} }),
    );

    expect(response.status).toBe(401);
    const body = (await response.json()) as unknown[];
    expect(body).toHaveLength(2);
    expect(body).toEqual([unauthorizedFor('auth.login'), unauthorizedFor('auth.me')]);
    expect(gateway.allReceived()).toHaveLength(before);
  });
});

describe('public procedures', () => {
  it.each(['auth.register', 'auth.login', 'auth.refresh', 'auth.logout', 'payment.health'])(
    '%s passes without a token',
    async (procedure) => {
      const service = procedure.split('.')[0] as 'auth' | 'payment';
      const before = gateway.upstreams[service].received.length;
      const response = await gateway.fetch(`/trpc/${procedure}`, jsonBody({}));

      expect(response.status).toBe(200);
      expect(gateway.upstreams[service].received).toHaveLength(before + 1);
    },
  );

  it('order.menu passes without a token, and a client cannot claim an identity on it', async () => {
    const before = gateway.upstreams.order.received.length;
    const response = await gateway.fetch('/trpc/order.menu', {
      headers: { 'x-user-id': 'spoofed', 'x-user-role': 'ADMIN' },
    });

    expect(response.status).toBe(200);
    const received = gateway.upstreams.order.received[before];
    expect(received?.headers['x-user-id']).toBeUndefined();
    expect(received?.headers['x-user-role']).toBeUndefined();
  });

  it('a public procedure with a refused token passes as anonymous', async () => {
    const expired = await gateway.issuer.sign(customer, {
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    });
    const before = gateway.upstreams.auth.received.length;
    const response = await gateway.fetch('/trpc/auth.refresh', {
      token: expired,
      ...jsonBody({ refreshToken: 'r' }),
    });

    expect(response.status).toBe(200);
    expect(gateway.upstreams.auth.received[before]?.headers['x-user-id']).toBeUndefined();
  });

  it('a batch of public procedures passes without a token', async () => {
    const response = await gateway.fetch('/trpc/order.menu,order.health?batch=1');

    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
  });
});
