import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError } from './migrate.js';
import { connectOnce } from './postgres.js';

const serverUrl = new URL(process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const databaseName = `migrate_test_${process.pid}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();

async function dropDatabase() {
  const admin = await connectOnce(serverUrl.toString());
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`);
  await admin.end();
}

async function migrationsFolder(migrations: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
  await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(sql: string) {
  const client = await connectOnce(databaseUrl);
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const first = { '20260101000000_init': 'CREATE TABLE dish (id serial PRIMARY KEY, name text NOT NULL);' };
const second = { ...first, '20260102000000_price': 'ALTER TABLE dish ADD COLUMN price_cents integer NOT NULL DEFAULT 0;' };

describe('applyMigrations', () => {
  beforeEach(dropDatabase);
  afterAll(dropDatabase);

  it('creates the database, applies migrations in order and records them as Prisma does', async () => {
    const outcome = await applyMigrations(databaseUrl, [await migrationsFolder(second)]);
    expect(outcome.applied).toEqual(Object.keys(second));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(Object.keys(second));
    expect(rows.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
    await query("INSERT INTO dish (name, price_cents) VALUES ('soup', 450)");
  });

  it('is a no-op the second time and applies only what is new', async () => {
    await applyMigrations(databaseUrl, [await migrationsFolder(first)]);
    await query("INSERT INTO dish (name) VALUES ('kept')");
    const again = await applyMigrations(databaseUrl, [await migrationsFolder(second)]);
    expect(again).toEqual({ applied: ['20260102000000_price'], alreadyApplied: ['20260101000000_init'] });
    expect(await query('SELECT name FROM dish')).toEqual([{ name: 'kept' }]);
  });

  it('merges several folders in name order into one table, and refuses a name two folders hold', async () => {
    const shared = await migrationsFolder({ '20260101500000_menu': 'CREATE TABLE menu (dish_id integer REFERENCES dish (id));' });
    const outcome = await applyMigrations(databaseUrl, [await migrationsFolder(second), shared]);
    expect(outcome.applied).toEqual(['20260101000000_init', '20260101500000_menu', '20260102000000_price']);
    const again = applyMigrations(databaseUrl, [await migrationsFolder(second), await migrationsFolder(first)]);
    await expect(again).rejects.toThrow(/20260101000000_init is in both/);
  });

  it('lets two processes migrate at once: each migration runs exactly once', async () => {
    const dir = await migrationsFolder(second);
    await applyMigrations(databaseUrl, [await migrationsFolder({})]); // the database exists before the race
    const outcomes = await Promise.all([applyMigrations(databaseUrl, [dir]), applyMigrations(databaseUrl, [dir])]);
    const applied = outcomes.flatMap((outcome) => outcome.applied).sort();
    expect(applied).toEqual(Object.keys(second));
    expect(await query('SELECT count(*)::int AS n FROM "_prisma_migrations"')).toEqual([{ n: 2 }]);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    await applyMigrations(databaseUrl, [await migrationsFolder(first)]);
    const edited = { '20260101000000_init': 'CREATE TABLE dish (id bigserial PRIMARY KEY);' };
    await expect(applyMigrations(databaseUrl, [await migrationsFolder(edited)])).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls a failing migration back and leaves it unrecorded, so a fixed file can apply later', async () => {
    const broken = { ...first, '20260102000000_bad': 'ALTER TABLE dish ADD COLUMN a integer; SELECT * FROM missing_table;' };
    const failure = await applyMigrations(databaseUrl, [await migrationsFolder(broken)]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe('20260102000000_bad');
    expect(await query("SELECT column_name FROM information_schema.columns WHERE table_name = 'dish' AND column_name = 'a'")).toEqual([]);
    const fixed = await applyMigrations(databaseUrl, [await migrationsFolder(second)]);
    expect(fixed.applied).toEqual(['20260102000000_price']);
  });

  it('fails fast with the connection error when the server is unreachable', async () => {
    const started = Date.now();
    await expect(applyMigrations('postgresql://postgres@127.0.0.1:1/nowhere', [await migrationsFolder(first)])).rejects.toThrow(
      /ECONNREFUSED|connect/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
