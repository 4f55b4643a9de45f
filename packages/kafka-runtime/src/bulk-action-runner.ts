import type { Logger } from '@food/service-kit';
import { claimStaleBulkAction, runBulkAction } from './bulk-dead-letter-action.js';
import type { ReplayRoute } from './dead-letter-replay.js';
import type { TransactionalDatabase } from './sql-client.js';

// One process works its bulk actions in the background: started by a request (which answers at once) or taken
// over from a process that died. Shutdown stops them between steps and waits for the step in progress.
const running = new Set<Promise<void>>();
let stopping = false;

/** Works a bulk action in the background of this process; the request that started it does not wait. */
export function runBulkActionInBackground(
  database: TransactionalDatabase,
  route: ReplayRoute,
  id: string,
  logger: Logger,
): void {
  const run = runBulkAction(database, route, id, { logger, isStopping: () => stopping }).finally(
    () => running.delete(run),
  );
  running.add(run);
}

/**
 * Every `intervalMs`, takes over one bulk action whose process stopped (its heartbeat went stale) and works it
 * here. Returns the stop function for shutdown.
 */
export function startBulkActionResumer(options: {
  database: TransactionalDatabase;
  route: ReplayRoute;
  logger: Logger;
  intervalMs?: number;
}): () => Promise<void> {
  stopping = false;
  const timer = setInterval(() => {
    claimStaleBulkAction(options.database).then(
      (id) => {
        if (!id || stopping) return;
        options.logger.info('bulk dead-letter action taken over', { bulkActionId: id });
        runBulkActionInBackground(options.database, options.route, id, options.logger);
      },
      (error: unknown) =>
        options.logger.warn('bulk dead-letter actions: cannot look for stale ones', { error }),
    );
  }, options.intervalMs ?? 10_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    stopping = true;
    await Promise.all([...running]);
  };
}
