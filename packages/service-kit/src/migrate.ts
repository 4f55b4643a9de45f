import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from './logger.js';
import { connectOnce, ensureDatabase, redactUrl } from './postgres.js';

/** The advisory lock key that `prisma migrate deploy` takes, so our runner and Prisma's exclude each other. */
const prismaMigrateLockKey = 72707369;

// Prisma's own bookkeeping table, so the records read as Prisma's would (one table for all of a database's folders).
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly migration: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface MigrationOutcome {
  applied: string[];
  alreadyApplied: string[];
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function readMigrationsFolder(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, folder: migrationsDir, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/** The migrations of every folder in name order; a name in two folders is refused (it would be recorded once). */
async function readMigrations(migrationsDirs: readonly string[]) {
  const migrations = (await Promise.all(migrationsDirs.map(readMigrationsFolder))).flat();
  migrations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous?.name === migration.name)
      throw new MigrationError(
        `migration ${migration.name} is in both ${previous.folder} and ${migration.folder}`,
        migration.name,
      );
  });
  return migrations;
}

/**
 * Applies the SQL migrations of Prisma migrations folders (`<timestamp>_<name>/migration.sql`): every folder's
 * (a service's own and the Kafka runtime's) merged in name order, recorded in the one `_prisma_migrations` table.
 * Each runs in its own transaction and is recorded with its checksum; a recorded migration whose file changed stops
 * the run. Safe to run twice, and from two processes at once (they queue on an advisory lock).
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDirs: readonly string[],
): Promise<MigrationOutcome> {
  const migrations = await readMigrations(migrationsDirs);
  await ensureDatabase(databaseUrl);
  const client = await connectOnce(databaseUrl);
  const outcome: MigrationOutcome = { applied: [], alreadyApplied: [] };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [prismaMigrateLockKey]);
    await client.query(createMigrationsTable);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    for (const migration of migrations) {
      const row = recorded.get(migration.name);
      if (row?.finished_at) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.name} was changed after it was applied (checksum differs); add a new migration instead`,
            migration.name,
          );
        }
        outcome.alreadyApplied.push(migration.name);
        continue;
      }
      if (row) {
        throw new MigrationError(
          `migration ${migration.name} started earlier and never finished; resolve it by hand before migrating`,
          migration.name,
        );
      }
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`, migration.name, {
          cause: error,
        });
      }
      outcome.applied.push(migration.name);
    }
    return outcome;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [prismaMigrateLockKey]).catch(() => undefined);
    await client.end();
  }
}

/**
 * The body of every service's `migrate` command: applies `<app>/prisma/migrations` (found from the command's own
 * compiled location), with the migrations of the packages whose tables the service holds (`sharedMigrationsDirs`,
 * the Kafka runtime's), to its database; logs the outcome, and sets a failing exit code on error.
 */
export async function runMigrationCommand(
  databaseUrl: string,
  commandUrl: string,
  logger: Logger,
  sharedMigrationsDirs: readonly string[] = [],
): Promise<void> {
  const migrationsDir = fileURLToPath(new URL('../prisma/migrations', commandUrl));
  try {
    const outcome = await applyMigrations(databaseUrl, [migrationsDir, ...sharedMigrationsDirs]);
    logger.info('migrated', { database: redactUrl(databaseUrl), ...outcome });
  } catch (error) {
    logger.error('migration failed', { database: redactUrl(databaseUrl), error });
    process.exitCode = 1;
  }
}
