import { generateKeyPairSync } from 'node:crypto';
import { jwksPath, trustHeaders } from '@food/contracts';
import { createAccessTokenVerifier, listenHttpServer, type RunningHttpServer } from '@food/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthHttpServer } from './http-server.js';
import {
  startTestAuth,
  uniqueEmail,
  validPassword,
  type TestAuth,
} from './testing/auth-test-harness.js';
import { createAccessTokenIssuer } from './tokens/access-tokens.js';
import { loadSigningKeys } from './tokens/signing-keys.js';

const gatewaySecret = 'the-test-gateway-secret-of-32-characters-or-more';
let auth: TestAuth;
let server: RunningHttpServer;
beforeAll(async () => {
  auth = await startTestAuth('http');
  const admission = { maxInFlight: 8, maxQueued: 100, queueTimeoutMs: 2000, retryAfterSeconds: 1 };
  server = await listenHttpServer(createAuthHttpServer(auth.service, { gatewaySecret, admission }), 0);
});
afterAll(async () => {
  await server?.close();
  await auth?.close();
});

interface TrpcAnswer {
  result?: { data: unknown };
  error?: {
    message: string;
    data: { code: string; httpStatus: number; appCode: string | null; validation: unknown };
  };
}

/** Calls a procedure as any HTTP client would: POST for mutations, GET for queries. */
async function call(
  procedure: string,
  input?: unknown,
  options: {
    query?: boolean;
    token?: string;
    headers?: Record<string, string>;
    rawBody?: string;
    /** Call as the gateway does (the default), or straight at the port as anyone on the host could. */
    viaGateway?: boolean;
  } = {},
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.viaGateway === false ? {} : { [trustHeaders.gatewaySecret]: gatewaySecret }),
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const url = new URL(`/trpc/auth.${procedure}`, server.url);
  let response: Response;
  if (options.query) {
    if (input !== undefined) url.searchParams.set('input', JSON.stringify(input));
    response = await fetch(url, { headers });
  } else {
    const body = options.rawBody ?? (input === undefined ? undefined : JSON.stringify(input));
    response = await fetch(url, { method: 'POST', headers, body });
  }
  return { status: response.status, body: (await response.json()) as TrpcAnswer };
}

async function register(email = uniqueEmail('http')) {
  const { status, body } = await call('register', {
    email,
    password: validPassword,
    name: 'Http Customer',
  });
  expect(status).toBe(200);
  return body.result?.data as {
    accessToken: string;
    refreshToken: string;
    user: { id: string; email: string; role: string };
  };
}

describe('JWKS endpoint', () => {
  it('serves the public key with kid, alg and use, cacheable, with no private part', async () => {
    const response = await fetch(new URL(jwksPath, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=(\d{3})/);
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys;
    expect(key).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: expect.any(String),
      alg: 'ES256',
      use: 'sig',
    });
    expect(key).not.toHaveProperty('d');
  });

  it('answers other methods with 405', async () => {
    expect((await fetch(new URL(jwksPath, server.url), { method: 'POST' })).status).toBe(405);
  });

  it('lets service-kit’s verifier (as the gateway and services use it) accept issued tokens and refuse foreign ones', async () => {
    const { accessToken, user } = await register();
    const verify = createAccessTokenVerifier(new URL(jwksPath, server.url).toString());
    await expect(verify(accessToken)).resolves.toMatchObject({
      userId: user.id,
      email: user.email,
      role: 'CUSTOMER',
    });

    // Same kid, other key: what a forger without our private key could produce.
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forgedKeys = await loadSigningKeys({
      keyId: auth.service.jwks.keys[0]?.kid ?? '',
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      previousPublicKeys: [],
    });
    const forged = await createAccessTokenIssuer(forgedKeys)({
      id: user.id,
      email: user.email,
      role: 'ADMIN',
    });
    await expect(verify(forged.accessToken)).rejects.toThrow(/signature/);
  });
});

describe('procedures over HTTP', () => {
  it('register, login and me work end to end; me needs a valid Bearer token', async () => {
    const email = uniqueEmail('e2e');
    const registered = await register(email);
    const login = await call('login', { email, password: validPassword });
    expect(login.status).toBe(200);
    const session = login.body.result?.data as { accessToken: string };
    const me = await call('me', undefined, { query: true, token: session.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.result?.data).toMatchObject(registered.user);
    expect((await call('me', undefined, { query: true })).status).toBe(401);
    const forged = await call('me', undefined, {
      query: true,
      token: `${session.accessToken.slice(0, -4)}AAAA`,
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error?.message).toMatch(/access token rejected/);
  });

  it('refresh rotates and logout ends the session', async () => {
    const { refreshToken } = await register();
    const refreshed = await call('refresh', { refreshToken });
    expect(refreshed.status).toBe(200);
    const next = (refreshed.body.result?.data as { refreshToken: string }).refreshToken;
    expect((await call('refresh', { refreshToken: next })).status).toBe(200);
    // Its successor has been used: the first token is now reuse.
    expect((await call('refresh', { refreshToken })).status).toBe(401);
    expect((await call('logout', { refreshToken: next })).status).toBe(200);
  });

  it('answers a duplicate email with 409 CONFLICT', async () => {
    const { user } = await register();
    const again = await call('register', {
      email: user.email,
      password: validPassword,
      name: 'Again',
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.data.appCode).toBe('CONFLICT');
  });

  it('answers an unknown email and a wrong password identically (401)', async () => {
    const { user } = await register();
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    const wrong = await call(
      'login',
      { email: user.email, password: 'wrong password 1' },
      { headers },
    );
    const unknown = await call(
      'login',
      { email: uniqueEmail('ghost'), password: 'wrong password 1' },
      { headers },
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error?.message).toBe(wrong.body.error?.message);
  });

  it('answers a CUSTOMER calling admin procedures with 403', async () => {
    const { accessToken, user } = await register();
    expect((await call('listUsers', {}, { query: true, token: accessToken })).status).toBe(403);
    expect(
      (await call('setRole', { userId: user.id, role: 'ADMIN' }, { token: accessToken })).status,
    ).toBe(403);
  });

  it('throttles one account after 5 failures with 429, and not another', async () => {
    const target = await register();
    const other = await register();
    const headers = { 'x-forwarded-for': '203.0.113.88' };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (
          await call(
            'login',
            { email: target.user.email, password: 'wrong password 1' },
            { headers },
          )
        ).status,
      ).toBe(401);
    }
    const refused = await call(
      'login',
      { email: target.user.email, password: validPassword },
      { headers },
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error?.data.appCode).toBe('RATE_LIMITED');
    expect(refused.body.error?.message).toMatch(/try again in \d+ minutes/);
    expect(
      (await call('login', { email: other.user.email, password: validPassword }, { headers }))
        .status,
    ).toBe(200);
  });

  // Finding 6 of issue 12: 22 wrong passwords on distinct emails straight at auth's port were never throttled.
  it('refuses every call that bypasses the gateway (403), whatever X-Forwarded-For it claims; health stays open', async () => {
    const { accessToken } = await register();
    const claims: Array<Record<string, string>> = [{}, { 'x-forwarded-for': '198.51.100.3' }, { [trustHeaders.gatewaySecret]: 'wrong' }];
    for (const headers of claims) {
      const login = await call(
        'login',
        { email: uniqueEmail('direct'), password: 'wrong password 1' },
        { headers, viaGateway: false },
      );
      expect(login.status).toBe(403);
      expect(login.body.error?.data.code).toBe('FORBIDDEN');
    }
    expect((await call('me', undefined, { query: true, token: accessToken, viaGateway: false })).status).toBe(403);
    expect((await call('health', undefined, { query: true, viaGateway: false })).status).toBe(200);
  });

  it('limits login failures per client address as the gateway reports it: the 21st failure from one address is a 429', async () => {
    const headers = { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200) + 20}` };
    const attempt = () =>
      call('login', { email: uniqueEmail('guess'), password: 'wrong password 1' }, { headers });
    for (let failure = 0; failure < 20; failure += 1) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body.error?.data.appCode).toBe('RATE_LIMITED');
  });

  it('reports database and Redis in its health', async () => {
    const health = await call('health', undefined, { query: true });
    expect(health.status).toBe(200);
    expect(health.body.result?.data).toMatchObject({
      status: 'ok',
      checks: { database: { ok: true }, redis: { ok: true } },
    });
  });
});

describe('bad input is a 400 naming the field, never a 500', () => {
  const megabyte = 'a'.repeat(1024 * 1024);
  const cases: Array<[string, string, unknown, RegExp]> = [
    [
      'register without fields',
      'register',
      {},
      /email: is required.*password: is required.*name: is required/,
    ],
    [
      'register with wrong types',
      'register',
      { email: 42, password: true, name: ['x'] },
      /email: must be a string.*password: must be a string.*name: must be a string/,
    ],
    [
      'register with a 1 MB email',
      'register',
      { email: `${megabyte}@example.com`, password: validPassword, name: 'x' },
      /email: must be at most 254/,
    ],
    [
      'register with a 1 MB password',
      'register',
      { email: uniqueEmail(), password: megabyte, name: 'x' },
      /password: must be at most 200/,
    ],
    [
      'register with a 1 MB name',
      'register',
      { email: uniqueEmail(), password: validPassword, name: megabyte },
      /name: must be at most 100/,
    ],
    [
      'register with a malformed email',
      'register',
      { email: 'not-an-email', password: validPassword, name: 'x' },
      /email: must be a valid email/,
    ],
    [
      'register with a weak password',
      'register',
      { email: uniqueEmail(), password: '1234567890', name: 'x' },
      /password: must not be digits only/,
    ],
    [
      'register with a short password',
      'register',
      { email: uniqueEmail(), password: 'ab1', name: 'x' },
      /password: must be at least 10/,
    ],
    ['login without password', 'login', { email: uniqueEmail() }, /password: is required/],
    [
      'login with a 1 MB password',
      'login',
      { email: uniqueEmail(), password: megabyte },
      /password: must be at most 200/,
    ],
    [
      'login with a 1 MB email',
      'login',
      { email: megabyte, password: validPassword },
      /email: must be at most 254/,
    ],
    ['refresh without a token', 'refresh', {}, /refreshToken: is required/],
    ['refresh with a number', 'refresh', { refreshToken: 7 }, /refreshToken: must be a string/],
    [
      'refresh with a 1 MB token',
      'refresh',
      { refreshToken: megabyte },
      /refreshToken: is not a refresh token/,
    ],
    [
      'logout with a 1 MB token',
      'logout',
      { refreshToken: megabyte },
      /refreshToken: is not a refresh token/,
    ],
  ];

  it.each(cases)('%s', async (_name, procedure, input, message) => {
    const { status, body } = await call(procedure, input);
    expect(status).toBe(400);
    expect(body.error?.data.appCode).toBe('VALIDATION_FAILED');
    expect(body.error?.message).toMatch(message);
  });

  it.each([
    ['a body that is not JSON', '{"email":'],
    ['an empty body', ''],
  ])('%s', async (_name, rawBody) => {
    const { status, body } = await call('login', undefined, { rawBody });
    expect(status).toBe(400);
    expect(body.error?.message).toBeTruthy();
  });
});
