import { createLogger } from '@food/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBootstrapAdmin, ensureDemoCustomer } from './configured-users.js';
import { verifyPassword } from './domain/password-hashing.js';
import { createTestDatabase, uniqueEmail, validPassword } from './testing/auth-test-harness.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase('configured_users');
});
afterAll(() => database?.drop());

const logger = createLogger('auth-test', { write: () => undefined });

async function stored(email: string) {
  return database.db.user.findUniqueOrThrow({ where: { email } });
}

describe('bootstrap admin', () => {
  it('creates the admin once; running again changes nothing, not even with another password', async () => {
    const email = uniqueEmail('root');
    expect(
      await ensureBootstrapAdmin(
        database.db,
        { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: validPassword },
        logger,
      ),
    ).toBe('created');
    const first = await stored(email);
    expect(first.role).toBe('ADMIN');
    const again = { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: 'another password 99' };
    expect(await ensureBootstrapAdmin(database.db, again, logger)).toBe('unchanged');
    const second = await stored(email);
    expect(second).toEqual(first);
    expect(await verifyPassword(validPassword, second.passwordHash)).toBe(true);
  });

  it('promotes an existing customer and keeps their password', async () => {
    const email = uniqueEmail('promote');
    await ensureDemoCustomer(
      database.db,
      { DEMO_CUSTOMER_EMAIL: email, DEMO_CUSTOMER_PASSWORD: validPassword },
      logger,
    );
    expect((await stored(email)).role).toBe('CUSTOMER');
    const outcome = await ensureBootstrapAdmin(
      database.db,
      { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: 'other password 12' },
      logger,
    );
    expect(outcome).toBe('promoted');
    const promoted = await stored(email);
    expect(promoted.role).toBe('ADMIN');
    expect(await verifyPassword(validPassword, promoted.passwordHash)).toBe(true);
  });

  it('does nothing when not configured', async () => {
    const before = await database.db.user.count();
    expect(await ensureBootstrapAdmin(database.db, {}, logger)).toBeNull();
    expect(await ensureDemoCustomer(database.db, {}, logger)).toBeNull();
    expect(await database.db.user.count()).toBe(before);
  });

  it('survives two processes ensuring the same admin at once', async () => {
    const settings = {
      BOOTSTRAP_ADMIN_EMAIL: uniqueEmail('race'),
      BOOTSTRAP_ADMIN_PASSWORD: validPassword,
    };
    await Promise.all([
      ensureBootstrapAdmin(database.db, settings, logger),
      ensureBootstrapAdmin(database.db, settings, logger),
    ]);
    expect((await stored(settings.BOOTSTRAP_ADMIN_EMAIL)).role).toBe('ADMIN');
  });
});

describe('demo customer', () => {
  it('is created as CUSTOMER and never demotes an account that is already an admin', async () => {
    const email = uniqueEmail('demo');
    const settings = { DEMO_CUSTOMER_EMAIL: email, DEMO_CUSTOMER_PASSWORD: validPassword };
    expect(await ensureDemoCustomer(database.db, settings, logger)).toBe('created');
    await database.db.user.update({ where: { email }, data: { role: 'ADMIN' } });
    expect(await ensureDemoCustomer(database.db, settings, logger)).toBe('unchanged');
    expect((await stored(email)).role).toBe('ADMIN');
  });
});
