/**
 * True for errors that mean "the database connection is gone or refused" rather than "this message is bad":
 * PostgreSQL's connection-exception and shutdown classes, socket errors, and the driver's closed-connection errors
 * (also when wrapped by Prisma's adapter as a cause).
 */
export function isConnectionProblem(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  const codeText = typeof code === 'string' ? code : '';
  if (
    codeText.startsWith('08') ||
    codeText.startsWith('57P') ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'P1001', 'P1002', 'P1017', 'P2024'].includes(codeText)
  ) {
    return true;
  }
  if (
    typeof message === 'string' &&
    /Connection terminated|Client has encountered a connection error|not queryable|Can't reach database|terminating connection|timeout exceeded when trying to connect|DatabaseNotReachable|ConnectionClosed/i.test(
      message,
    )
  ) {
    return true;
  }
  return isConnectionProblem(cause, depth + 1);
}
