import pg from 'pg';
import type { Fault, FaultDeps } from '../fault.js';

/** Terminates every connection of one service's database (a failover or a restarted PostgreSQL, as seen by it). */
export const cutDatabaseFault = ({ stack }: FaultDeps, at: number, service: string): Fault => ({
  at,
  name: `terminate every connection of ${service}'s database`,
  inject: async () => {
    const client = new pg.Client({ connectionString: stack.settings.postgresUrl });
    await client.connect();
    try {
      const database = new URL(stack.databaseUrl(service)).pathname.slice(1);
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
    } finally {
      await client.end();
    }
    return [];
  },
});
