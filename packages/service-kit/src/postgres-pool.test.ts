import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { connectOnce, createPostgresPool } from './postgres.js';

const serverUrl = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

describe('a service’s database pool', () => {
  it('outlives the server dropping a connection it holds (pg_terminate_backend): the loss is logged, the pool serves on', async () => {
    const lines: string[] = [];
    const pool = createPostgresPool({
      connectionString: serverUrl,
      max: 2,
      logger: createLogger('pool-test', { level: 'warn', write: (line) => lines.push(line) }),
    });
    const held = await pool.connect(); // checked out, as Prisma holds one through a transaction
    const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const admin = await connectOnce(serverUrl);
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await admin.end();
    // Without a listener of its own, pg's 'error' on the held connection would end this process here.
    await expect.poll(() => lines.some((line) => line.includes('database connection lost')), { timeout: 5_000 }).toBe(true);
    await expect(held.query('SELECT 1')).rejects.toThrow();
    held.release(true);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    await pool.end();
  });
});
