import { afterAll, beforeAll } from 'vitest';
import { createLedgerDatabase, type Ledger } from './ledger.js';

/**
 * A ledger database for the calling suite: created in its beforeAll, dropped in its afterAll (which runs after the
 * suite's own after-hooks, so consumers are stopped first). Read its fields inside tests and hooks.
 */
export function ledgerDatabaseForSuite(label: string): Omit<Ledger, 'drop'> {
  let database: Ledger | undefined;
  beforeAll(async () => {
    database = await createLedgerDatabase(label);
  });
  afterAll(async () => {
    await database?.drop();
  });
  const current = () => {
    if (!database) throw new Error(`the ${label} ledger database is created in beforeAll`);
    return database;
  };
  return {
    get name() {
      return current().name;
    },
    get url() {
      return current().url;
    },
    get prisma() {
      return current().prisma;
    },
  };
}
