import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from './migrate.js';
import { connectOnce } from './postgres.js';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database (connections still open are ended). */
  drop(): Promise<void>;
}

/**
 * A database of a test file's own on the test PostgreSQL server, with a service's migrations applied: router and
 * domain tests run against the real thing, apart from the running stack's data and from each other.
 */
export async function createTestDatabase(options: {
  serverUrl: string;
  label: string;
  migrationsDirs: readonly string[];
}): Promise<TestDatabase> {
  const name = `${options.label}_${randomUUID().slice(0, 8)}`.replace(/\W/g, '_');
  const url = Object.assign(new URL(options.serverUrl), { pathname: `/${name}` }).toString();
  await applyMigrations(url, options.migrationsDirs);
  return {
    name,
    url,
    async drop() {
      const admin = await connectOnce(options.serverUrl);
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** The test PostgreSQL server: the test stack's (TEST_STACK, set by `npm test`), else POSTGRES_URL, else local. */
export function testPostgresServerUrl(environment: Record<string, string | undefined>): string {
  const stack = JSON.parse(environment.TEST_STACK ?? '{}') as { postgresUrl?: string };
  return stack.postgresUrl ?? environment.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}
