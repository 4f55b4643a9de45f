import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, connectOnce } from '@food/service-kit';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeMigrationsDir } from '../src/index.js';
import { stackServers } from './support/stack-servers.js';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
// The last commit where each service's folder held the runtime's migrations too: databases deployed before the move.
const commitBeforeTheMove = '50c8f84';
const eventDrivenServices = ['order', 'payment', 'notification'];

const databases: string[] = [];
const scratchFolders: string[] = [];

async function freshDatabaseUrl(label: string) {
  const name = `kafka_runtime_migrations_${label}_${randomUUID().slice(0, 8)}`;
  databases.push(name);
  return Object.assign(new URL(stackServers().postgresUrl), { pathname: `/${name}` }).toString();
}

/**
 * The service's migrations folder as it was before the move, taken from git history into a scratch folder. A clone
 * without that commit (a shallow one) gets the same folder rebuilt: the service's migrations with the runtime's
 * copied in, which were byte for byte the files the service's folder held.
 */
async function migrationsBeforeTheMove(service: string) {
  const folder = await mkdtemp(path.join(tmpdir(), `${service}-migrations-`));
  scratchFolders.push(folder);
  const migrations = path.join(folder, 'migrations');
  try {
    const archive = execFileSync(
      'git',
      ['-C', repositoryRoot, 'archive', '--format=tar', commitBeforeTheMove, `apps/${service}/prisma/migrations`],
      { maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    execFileSync('tar', ['-x', '-C', folder, '--strip-components=3'], { input: archive });
  } catch {
    await cp(path.join(repositoryRoot, 'apps', service, 'prisma/migrations'), migrations, { recursive: true });
    await cp(runtimeMigrationsDir, migrations, { recursive: true });
  }
  return migrations;
}

/** Tables, columns, indexes and constraints of the public schema, to compare two databases. */
async function schemaOf(url: string) {
  const client = await connectOnce(url);
  try {
    const { rows } = await client.query<{ line: string }>(`
      SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
             coalesce(column_default, '') || ' ' || coalesce(generation_expression, '') AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace
      ORDER BY 1`);
    return rows.map((row) => row.line);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const admin = await connectOnce(stackServers().postgresUrl);
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
  for (const folder of scratchFolders) await rm(folder, { recursive: true, force: true });
});

describe.each(eventDrivenServices)('%s: its migrations and the runtime folder', (service) => {
  const ownMigrations = path.join(repositoryRoot, 'apps', service, 'prisma/migrations');

  it('find a database migrated before the move up to date, and build a new one to the same schema', async () => {
    const oldUrl = await freshDatabaseUrl(`${service}_old`);
    const before = await applyMigrations(oldUrl, [await migrationsBeforeTheMove(service)]);
    expect(before.applied).toContain('20261130000400_dead_letter_bulk_action');

    const after = await applyMigrations(oldUrl, [ownMigrations, runtimeMigrationsDir]);
    expect(after.alreadyApplied).toEqual(before.applied);
    const lastBefore = before.applied.at(-1) ?? '';
    expect(after.applied.filter((name) => name <= lastBefore)).toEqual([]);

    const newUrl = await freshDatabaseUrl(`${service}_new`);
    const fresh = await applyMigrations(newUrl, [ownMigrations, runtimeMigrationsDir]);
    expect(fresh.applied).toEqual([...before.applied, ...after.applied]);
    expect(await schemaOf(newUrl)).toEqual(await schemaOf(oldUrl));
  });
});
