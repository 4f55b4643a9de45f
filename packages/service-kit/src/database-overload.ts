import { isConnectionProblem } from './connection-problem.js';

/**
 * Prisma's answers that mean "the database has no room for this work now", not "this request is wrong":
 * - P2028 "Transaction API error: Unable to start a transaction in the given time." (every pool connection stayed
 *   busy for the transaction's maxWait; P2028's other messages are about transactions that did start),
 * - P2037 too many connections (PostgreSQL's 53300, through @prisma/adapter-pg),
 * - P2024 timed out fetching a connection from the pool (Prisma's own engine, without a driver adapter).
 * Recognised by code and message rather than class, because each service has its own generated Prisma client.
 */
export function isDatabaseOverload(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (code === 'P2024' || code === 'P2037') return true;
  if (code === 'P2028' && typeof message === 'string' && message.includes('Unable to start a transaction')) return true;
  return isDatabaseOverload(cause, depth + 1);
}

/**
 * Prisma's and pg's answers that mean "the database did not finish this work", so nothing of it committed:
 * - P2028 about a transaction that ran out its time (a commit or query on an expired or closed transaction: under
 *   load the transaction outlived its timeout, and Prisma rolled it back),
 * - a connection the server ended or lost mid-request (a restart, `pg_terminate_backend`).
 * Like an overload, the caller should retry later: with its idempotency key, a retry is safe either way.
 */
export function isDatabaseInterruption(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (code === 'P2028' && /expired transaction|Transaction already closed|transaction is closed/i.test(text)) return true;
  return isConnectionProblem(error) || isDatabaseInterruption(cause, depth + 1);
}
