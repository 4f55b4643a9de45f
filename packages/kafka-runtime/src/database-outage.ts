import { isConnectionProblem, type Logger } from '@food/service-kit';
import { consumerOutagePausesTotal } from './metrics.js';
import { interruptsBatch, type PartitionControl } from './partition-control.js';
import type { SqlClient } from './sql-client.js';
import { databaseAnswers, waitForDatabase } from './wait-for-database.js';

export interface OutageWatch {
  database: SqlClient;
  logger: Logger;
  /** Called each time a partition starts waiting out an outage (for the consumer's stats). */
  onPause?: () => void;
}

/** True when an error means the service's database is unreachable, not that the message is bad. */
export async function isDatabaseOutage(database: SqlClient, error: unknown): Promise<boolean> {
  return isConnectionProblem(error) || !(await databaseAnswers(database));
}

/** Holds the partition (heartbeating, reported as paused) until the database answers again. */
export async function waitOutOutage(
  watch: OutageWatch,
  control: PartitionControl,
  context: Record<string, unknown>,
): Promise<void> {
  watch.onPause?.();
  consumerOutagePausesTotal.inc();
  control.paused('the service database does not answer');
  try {
    await waitForDatabase({
      database: watch.database,
      heartbeat: control.heartbeat,
      isStopping: control.isStopping,
      logger: watch.logger,
      context,
    });
  } finally {
    control.paused(null);
  }
}

/** Runs work that needs the database, waiting out outages of it (an outage is never the message's fault). */
export async function untilDatabaseAnswers<T>(
  watch: OutageWatch,
  control: PartitionControl,
  work: () => Promise<T>,
): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (interruptsBatch(error) || !(await isDatabaseOutage(watch.database, error))) throw error;
      await waitOutOutage(watch, control, { error: (error as Error).message });
    }
  }
}
