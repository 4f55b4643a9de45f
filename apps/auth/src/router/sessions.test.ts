import { accessTokenLifetimeSeconds } from '@food/contracts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { hashRefreshToken, issueRefreshToken } from '../tokens/refresh-tokens.js';
import { startTestAuth, uniqueEmail, validPassword } from '../testing/auth-test-harness.js';

const auth = await startTestAuth('sessions');
afterAll(() => auth.close());

/** The code service-kit maps a rejected call to (tRPC code, HTTP status). */
async function refusalOf(call: Promise<unknown>) {
  const error = (await call.then(
    () => expect.fail('the call succeeded'),
    (caught: unknown) => caught,
  )) as { code: string; message: string };
  return { code: error.code, message: error.message };
}

describe('register', () => {
  it('creates a CUSTOMER and signs it in with the shape the api-client expects', async () => {
    const email = uniqueEmail('new');
    const answer = await auth
      .anonymous()
      .register({ email: `  ${email.toUpperCase()} `, password: validPassword, name: ' Ada ' });
    expect(answer).toEqual({
      accessToken: expect.any(String),
      accessTokenExpiresAt: expect.any(String),
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      user: { id: expect.any(String), email, name: 'Ada', role: 'CUSTOMER' },
    });
    const lifetimeMs = Date.parse(answer.accessTokenExpiresAt) - Date.now();
    expect(lifetimeMs).toBeGreaterThan((accessTokenLifetimeSeconds - 60) * 1000);
    expect(lifetimeMs).toBeLessThanOrEqual(accessTokenLifetimeSeconds * 1000);
    const stored = await auth.db.user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
    expect(stored.passwordHash).not.toContain(validPassword);
  });

  it('ignores a role in the input: self-registration is always CUSTOMER', async () => {
    const input = {
      email: uniqueEmail('sneaky'),
      password: validPassword,
      name: 'Mallory',
      role: 'ADMIN',
    };
    const answer = await auth.anonymous().register(input);
    expect(answer.user.role).toBe('CUSTOMER');
    expect(decodeJwt(answer.accessToken).role).toBe('CUSTOMER');
  });

  it('answers CONFLICT for an email that is taken, in any letter case', async () => {
    const email = uniqueEmail('taken');
    await auth.anonymous().register({ email, password: validPassword, name: 'First' });
    const refusal = await refusalOf(
      auth
        .anonymous()
        .register({ email: email.toUpperCase(), password: validPassword, name: 'Second' }),
    );
    expect(refusal).toEqual({
      code: 'CONFLICT',
      message: expect.stringMatching(/email.*already exists/),
    });
    expect(await auth.db.user.count({ where: { email } })).toBe(1);
  });
});

describe('access tokens', () => {
  it('are ES256 JWTs with kid, issuer, audience, subject, role, email and a unique jti', async () => {
    const { accessToken, user } = await auth.signUp();
    const again = await auth.anonymous().login({ email: user.email, password: validPassword });
    expect(decodeProtectedHeader(accessToken)).toMatchObject({
      alg: 'ES256',
      kid: auth.service.jwks.keys[0]?.kid,
    });
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({
      iss: 'food-ordering/auth',
      aud: 'food-ordering/api',
      sub: user.id,
      role: 'CUSTOMER',
      email: user.email,
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(accessTokenLifetimeSeconds);
    expect(decodeJwt(again.accessToken).jti).not.toBe(claims.jti);
  });
});

describe('login and me', () => {
  it('signs in with the right password, case-insensitively by email, and me answers the stored user', async () => {
    const { user } = await auth.signUp('CUSTOMER', uniqueEmail('login'));
    const session = await auth
      .anonymous()
      .login({ email: user.email.toUpperCase(), password: validPassword });
    expect(session.user).toEqual(user);
    const me = await (await auth.withToken(session.accessToken)).me();
    expect(me).toEqual({ ...user, createdAt: expect.any(String) });
  });

  it('gives the same refusal for an unknown email and for a wrong password', async () => {
    const { user } = await auth.signUp();
    const wrongPassword = await refusalOf(
      auth.anonymous('198.51.100.1').login({ email: user.email, password: 'not the password 1' }),
    );
    const unknownEmail = await refusalOf(
      auth
        .anonymous('198.51.100.1')
        .login({ email: uniqueEmail('nobody'), password: validPassword }),
    );
    expect(wrongPassword).toEqual({
      code: 'UNAUTHORIZED',
      message: 'email or password is incorrect',
    });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('refuses me without an access token', async () => {
    expect(await refusalOf(auth.anonymous().me())).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('refresh', () => {
  it('rotates: the new pair works, and once the new refresh token has been used the old one does not', async () => {
    const first = await auth.signUp();
    const second = await auth.anonymous().refresh({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user).toEqual(first.user);
    expect((await (await auth.withToken(second.accessToken)).me()).id).toBe(first.user.id);
    await auth.anonymous().refresh({ refreshToken: second.refreshToken });
    const stale = await refusalOf(auth.anonymous().refresh({ refreshToken: first.refreshToken }));
    expect(stale).toEqual({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/sign in again/),
    });
  });

  it('treats reuse of a rotated token as theft: the whole family dies, the newest token included', async () => {
    const first = await auth.signUp();
    const second = await auth.anonymous().refresh({ refreshToken: first.refreshToken });
    const third = await auth.anonymous().refresh({ refreshToken: second.refreshToken });
    await refusalOf(auth.anonymous().refresh({ refreshToken: first.refreshToken }));
    expect(
      await refusalOf(auth.anonymous().refresh({ refreshToken: third.refreshToken })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(auth.logLines.some((line) => line.includes('refresh token reused'))).toBe(true);
    // Another sign-in of the same user is a separate family and keeps working.
    const other = await auth
      .anonymous()
      .login({ email: first.user.email, password: validPassword });
    await expect(
      auth.anonymous().refresh({ refreshToken: other.refreshToken }),
    ).resolves.toMatchObject({ user: first.user });
  });

  it('keeps one live token per sign-in when one token is refreshed three times at once', async () => {
    const { refreshToken } = await auth.signUp();
    const answers = await Promise.all([
      auth.anonymous().refresh({ refreshToken }),
      auth.anonymous().refresh({ refreshToken }),
      auth.anonymous().refresh({ refreshToken }),
    ]);
    const further = await Promise.allSettled(
      answers.map((answer) => auth.anonymous().refresh({ refreshToken: answer.refreshToken })),
    );
    expect(further.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });

  // A gateway or web instance that dies while auth.refresh is answered loses the new token on its way: the browser
  // still holds the old one, and must not be signed out (nor its sign-in ended as stolen) for it.
  it('answers a rotated token again while its successor was never used, and revokes the lost successor', async () => {
    const reuses = () => auth.logLines.filter((line) => line.includes('refresh token reused')).length;
    const reusesBefore = reuses();
    const first = await auth.signUp();
    const lost = await auth.anonymous().refresh({ refreshToken: first.refreshToken });
    const retried = await auth.anonymous().refresh({ refreshToken: first.refreshToken });
    expect(retried.user).toEqual(first.user);
    expect(await refusalOf(auth.anonymous().refresh({ refreshToken: lost.refreshToken }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(auth.anonymous().refresh({ refreshToken: retried.refreshToken })).resolves.toMatchObject({
      user: first.user,
    });
    expect(reuses()).toBe(reusesBefore);
    expect(auth.logLines.some((line) => line.includes('refresh retried after a lost answer'))).toBe(true);
  });

  it('treats a rotated token that comes back after the grace period as reuse, even with its successor unused', async () => {
    const first = await auth.signUp();
    const second = await auth.anonymous().refresh({ refreshToken: first.refreshToken });
    await auth.db.refreshToken.update({
      where: { tokenHash: hashRefreshToken(first.refreshToken) },
      data: { usedAt: new Date(Date.now() - 31_000) },
    });
    await refusalOf(auth.anonymous().refresh({ refreshToken: first.refreshToken }));
    expect(await refusalOf(auth.anonymous().refresh({ refreshToken: second.refreshToken }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('refuses an expired refresh token', async () => {
    const { refreshToken } = await auth.signUp();
    await auth.db.refreshToken.update({
      where: { tokenHash: hashRefreshToken(refreshToken) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await refusalOf(auth.anonymous().refresh({ refreshToken }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('refuses a token it never issued', async () => {
    const refusal = await refusalOf(auth.anonymous().refresh({ refreshToken: 'x'.repeat(43) }));
    expect(refusal).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('stores only the hash of each refresh token', async () => {
    const { refreshToken, user } = await auth.signUp();
    const rows = await auth.db.refreshToken.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.tokenHash)).toEqual([hashRefreshToken(refreshToken)]);
  });
});

describe('logout', () => {
  it('revokes the whole family, including tokens rotated before', async () => {
    const first = await auth.signUp();
    const second = await auth.anonymous().refresh({ refreshToken: first.refreshToken });
    await expect(auth.anonymous().logout({ refreshToken: first.refreshToken })).resolves.toEqual({
      signedOut: true,
    });
    expect(
      await refusalOf(auth.anonymous().refresh({ refreshToken: second.refreshToken })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(
      await auth.db.refreshToken.count({ where: { userId: first.user.id, revokedAt: null } }),
    ).toBe(0);
  });

  it('racing a refresh of the same sign-in still leaves no live token in the family', async () => {
    const { user } = await auth.signUp();
    for (let round = 0; round < 20; round += 1) {
      const { token } = await issueRefreshToken(auth.db, user.id);
      const familyId = (
        await auth.db.refreshToken.findUniqueOrThrow({
          where: { tokenHash: hashRefreshToken(token) },
        })
      ).familyId;
      await Promise.allSettled([
        auth.anonymous().refresh({ refreshToken: token }),
        auth.anonymous().logout({ refreshToken: token }),
      ]);
      expect(await auth.db.refreshToken.count({ where: { familyId, revokedAt: null } })).toBe(0);
    }
  });

  it('is idempotent and quiet about unknown tokens', async () => {
    const { refreshToken } = await auth.signUp();
    await auth.anonymous().logout({ refreshToken });
    await expect(auth.anonymous().logout({ refreshToken })).resolves.toEqual({ signedOut: true });
    await expect(auth.anonymous().logout({ refreshToken: 'never-issued' })).resolves.toEqual({
      signedOut: true,
    });
  });
});

describe('logs', () => {
  it('never contain a password or a token', async () => {
    const session = await auth.signUp();
    const refreshed = await auth.anonymous().refresh({ refreshToken: session.refreshToken });
    await auth.anonymous().logout({ refreshToken: refreshed.refreshToken });
    const secrets = [
      validPassword,
      session.accessToken,
      session.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
    ];
    const all = auth.logLines.join('\n');
    expect(all).toContain('signed out');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
