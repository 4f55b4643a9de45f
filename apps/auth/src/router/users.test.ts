import { randomUUID } from 'node:crypto';
import { outcomeOf } from '@food/service-kit/testing';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestAuth, uniqueEmail, validPassword } from '../testing/auth-test-harness.js';

const auth = await startTestAuth('users');
afterAll(() => auth.close());
const admin = await auth.signUp('ADMIN');

describe('admin procedures', () => {
  it('refuse a CUSTOMER with FORBIDDEN and change nothing', async () => {
    const customer = await auth.signUp();
    expect(await outcomeOf(customer.caller.listUsers())).toBe('FORBIDDEN');
    expect(await outcomeOf(customer.caller.setRole({ userId: customer.user.id, role: 'ADMIN' }))).toBe(
      'FORBIDDEN',
    );
    expect((await auth.db.user.findUniqueOrThrow({ where: { id: customer.user.id } })).role).toBe(
      'CUSTOMER',
    );
  });

  it('refuse an anonymous caller with UNAUTHORIZED', async () => {
    expect(await outcomeOf(auth.anonymous().listUsers())).toBe('UNAUTHORIZED');
  });
});

describe('listUsers', () => {
  it('pages through every user newest first, without repeats or gaps', async () => {
    const tag = `page-${Date.now()}`;
    const emails: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const email = uniqueEmail(`${tag}-${index}`);
      emails.push(email);
      await auth.anonymous().register({ email, password: validPassword, name: `User ${index}` });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await admin.caller.listUsers({ email: tag, limit: 2, cursor });
      seen.push(...page.users.map((user) => user.email));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...emails].reverse());
  });

  it('filters by role and by part of the email, case-insensitively, and never returns password hashes', async () => {
    const customer = await auth.signUp('CUSTOMER', uniqueEmail('FilterMe'));
    const admins = await admin.caller.listUsers({ role: 'ADMIN' });
    expect(admins.users.map((user) => user.id)).toContain(admin.user.id);
    expect(admins.users.every((user) => user.role === 'ADMIN')).toBe(true);
    const found = await admin.caller.listUsers({ email: 'FILTERME' });
    expect(found.users).toEqual([{ ...customer.user, createdAt: expect.any(String) }]);
    expect(JSON.stringify(await admin.caller.listUsers())).not.toContain('scrypt');
  });

  it('refuses a cursor it did not issue', async () => {
    expect(await outcomeOf(admin.caller.listUsers({ cursor: 'bm90LWEtY3Vyc29y' }))).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('usersByIds', () => {
  it('names the users an admin asks for (id, name, email only) and skips unknown ids; a customer is FORBIDDEN', async () => {
    const customer = await auth.signUp();
    const found = await admin.caller.usersByIds({ ids: [customer.user.id, randomUUID()] });
    expect(found).toEqual([{ id: customer.user.id, name: customer.user.name, email: customer.user.email }]);
    expect(await outcomeOf(customer.caller.usersByIds({ ids: [admin.user.id] }))).toBe('FORBIDDEN');
    expect(await outcomeOf(admin.caller.usersByIds({ ids: ['not-a-uuid'] }))).toBe('BAD_REQUEST');
  });
});

describe('setRole', () => {
  it('promotes a customer; the new role is in the access token from the next refresh on', async () => {
    const customer = await auth.signUp();
    const promoted = await admin.caller.setRole({ userId: customer.user.id, role: 'ADMIN' });
    expect(promoted).toEqual({ ...customer.user, role: 'ADMIN' });
    const refreshed = await auth.anonymous().refresh({ refreshToken: customer.refreshToken });
    expect(decodeJwt(refreshed.accessToken).role).toBe('ADMIN');
    await expect(
      (await auth.withToken(refreshed.accessToken)).listUsers({ limit: 1 }),
    ).resolves.toBeDefined();
    expect(
      auth.logLines.some((line) => line.includes('"role changed"') && line.includes(admin.user.id)),
    ).toBe(true);
  });

  it('answers NOT_FOUND for an unknown user and refuses an admin changing their own role', async () => {
    expect(
      await outcomeOf(
        admin.caller.setRole({ userId: '00000000-0000-4000-8000-000000000000', role: 'ADMIN' }),
      ),
    ).toBe('NOT_FOUND');
    expect(await outcomeOf(admin.caller.setRole({ userId: admin.user.id, role: 'CUSTOMER' }))).toBe(
      'FORBIDDEN',
    );
    expect((await auth.db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).role).toBe(
      'ADMIN',
    );
  });
});
