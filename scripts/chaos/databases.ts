// Reading the services' databases: the invariants are checked from what is stored, not from what was answered.
import pg from 'pg';

export interface Databases {
  query<T extends pg.QueryResultRow>(service: string, sql: string, values?: unknown[]): Promise<T[]>;
  /** `SELECT count(*)::int AS n …` in a service's database, as a number. */
  count(service: string, sql: string, values?: unknown[]): Promise<number>;
}

export function serviceDatabases(databaseUrlOf: (service: string) => string): Databases {
  async function query<T extends pg.QueryResultRow>(service: string, sql: string, values: unknown[] = []) {
    const client = new pg.Client({ connectionString: databaseUrlOf(service) });
    // A fault that terminates the database's connections may hit this one between its calls: the pending call
    // rejects (and the invariant asks again); unheard, the 'error' event would end the chaos run itself.
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  }
  return {
    query,
    count: async (service, sql, values = []) => (await query<{ n: number }>(service, sql, values))[0]?.n ?? 0,
  };
}

/** Outbox rows of the saga's services not published yet. */
export async function unsentOutboxRows(db: Databases): Promise<number> {
  let unsent = 0;
  for (const service of ['order', 'payment', 'notification']) {
    unsent += await db.count(service, 'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL');
  }
  return unsent;
}
