import type { Logger } from '@food/service-kit';
import type { SqlClient } from './sql-client.js';

export class ConsumerStopping extends Error {
  override readonly name = 'ConsumerStopping';
}

/** True when the database answers a trivial query within the timeout. */
export async function databaseAnswers(database: SqlClient, timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      database.$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits, without giving up, until the database answers again: an outage is not the message's fault, so it is
 * neither counted as an attempt nor dead-lettered. Keeps the consumer's group membership alive meanwhile.
 */
export async function waitForDatabase(options: {
  database: SqlClient;
  heartbeat: () => Promise<void>;
  isStopping: () => boolean;
  logger: Logger;
  context: Record<string, unknown>;
}): Promise<void> {
  const started = Date.now();
  let delayMs = 250;
  options.logger.warn('database unavailable; pausing this partition until it answers', options.context);
  for (;;) {
    if (options.isStopping()) throw new ConsumerStopping('consumer is stopping during a database outage');
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await options.heartbeat();
    if (await databaseAnswers(options.database)) break;
    delayMs = Math.min(delayMs * 2, 5000);
  }
  options.logger.info('database is back; resuming', { ...options.context, pausedMs: Date.now() - started });
}
