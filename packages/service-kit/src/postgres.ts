import pg from 'pg';
import type { Logger } from './logger.js';

/** A database URL with the password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Opens one connection with a short connect timeout, so an absent server fails fast instead of hanging. */
export async function connectOnce(url: string, connectTimeoutMs = 3000): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

/** Creates the database named in `url` if it does not exist (safe when two processes race). */
export async function ensureDatabase(url: string): Promise<'created' | 'exists'> {
  const name = databaseNameOf(url);
  const serverUrl = new URL(url);
  serverUrl.pathname = '/postgres';
  const client = await connectOnce(serverUrl.toString());
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return 'exists';
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      return 'created';
    } catch (error) {
      // 42P04 duplicate_database, 23505 unique_violation: another process created it meanwhile.
      const code = (error as { code?: string }).code;
      if (code === '42P04' || code === '23505') return 'exists';
      throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * The connection pool a service's Prisma client runs on. pg emits 'error' on a connection the server dropped (a
 * restart, `pg_terminate_backend`); the pool listens only while a connection is idle, Prisma's adapter only while
 * it holds one for a transaction, and an 'error' nobody listens to ends the process. Every connection here keeps a
 * listener of its own that logs it: the query on that connection fails, and is answered where it ran.
 */
export function createPostgresPool(options: { connectionString: string; max?: number; logger: Logger }): pg.Pool {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max });
  const lost = (error: Error) =>
    options.logger.warn('database connection lost', { error: { name: error.name, message: error.message } });
  pool.on('connect', (client) => client.on('error', lost));
  pool.on('error', lost);
  return pool;
}
