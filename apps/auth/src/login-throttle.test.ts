import { createLogger } from '@food/service-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';
import { createRedis } from './redis.js';
import { startTestAuth, uniqueEmail, validPassword } from './testing/auth-test-harness.js';

const auth = await startTestAuth('throttle');
afterAll(() => auth.close());

async function failureOf(call: Promise<unknown>) {
  return call.then(
    () => null,
    (error: { code: string; message: string; cause?: { details?: Record<string, unknown> } }) => ({
      code: error.code,
      message: error.message,
      details: error.cause?.details,
    }),
  );
}

describe('login throttling per account', () => {
  it('refuses the 6th attempt within 15 minutes even with the right password, and says when to retry', async () => {
    const { user } = await auth.signUp();
    const login = auth.anonymous('192.0.2.1').login;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(
        await failureOf(login({ email: user.email, password: `wrong password ${attempt}` })),
      ).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    // From another address too: the account is what is protected.
    const refused = await failureOf(
      auth.anonymous('192.0.2.99').login({ email: user.email, password: validPassword }),
    );
    expect(refused).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/try again in 15 minutes/),
    });
    const retryAfterSeconds = refused?.details?.retryAfterSeconds as number;
    expect(retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(
      auth.logLines.some(
        (line) => line.includes('"login throttled"') && line.includes('192.0.2.99'),
      ),
    ).toBe(true);
  });

  it('leaves other accounts alone', async () => {
    const victim = await auth.signUp();
    const bystander = await auth.signUp();
    const login = auth.anonymous(null).login;
    for (let attempt = 0; attempt < 5; attempt += 1)
      await failureOf(login({ email: victim.user.email, password: 'wrong password 1' }));
    expect(
      await failureOf(login({ email: victim.user.email, password: validPassword })),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect(
      login({ email: bystander.user.email, password: validPassword }),
    ).resolves.toMatchObject({ user: bystander.user });
  });

  it('forgets an account’s failures after a successful login', async () => {
    const { user } = await auth.signUp();
    const login = auth.anonymous(null).login;
    for (let attempt = 0; attempt < 4; attempt += 1)
      await failureOf(login({ email: user.email, password: 'wrong password 1' }));
    await login({ email: user.email, password: validPassword });
    for (let attempt = 0; attempt < 4; attempt += 1)
      await failureOf(login({ email: user.email, password: 'wrong password 1' }));
    await expect(login({ email: user.email, password: validPassword })).resolves.toMatchObject({
      user,
    });
  });
});

describe('login throttling per client address', () => {
  it('refuses an address after 20 failures across accounts; other addresses still sign in', async () => {
    const { user } = await auth.signUp();
    const attacker = auth.anonymous('198.51.100.20').login;
    // 20 different unknown emails: no single account reaches its own limit.
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        failureOf(attacker({ email: uniqueEmail(`guess${index}`), password: 'wrong password 1' })),
      ),
    );
    expect(await failureOf(attacker({ email: user.email, password: validPassword }))).toMatchObject(
      { code: 'TOO_MANY_REQUESTS' },
    );
    await expect(
      auth.anonymous('198.51.100.21').login({ email: user.email, password: validPassword }),
    ).resolves.toMatchObject({ user });
  });
});

describe('when Redis is down', () => {
  it('fails open: logins still work, unthrottled, and a warning is logged', async () => {
    const lines: string[] = [];
    const logger = createLogger('auth-test', { write: (line) => lines.push(line) });
    const unreachable = createRedis('redis://127.0.0.1:1', logger);
    try {
      const throttle = createLoginThrottle({ redis: unreachable, keyPrefix: 'unused:', logger });
      const attempt = { email: 'someone@example.com', clientIp: '192.0.2.5' };
      for (let index = 0; index < 6; index += 1) await throttle.recordFailure(attempt);
      await expect(throttle.assertAllowed(attempt)).resolves.toBeUndefined();
      expect(
        lines.some(
          (line) => line.includes('"level":"warn"') && line.includes('login throttle unavailable'),
        ),
      ).toBe(true);
    } finally {
      unreachable.disconnect();
    }
  });
});
