import type { LoopReport } from '@food/contracts';
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

/** Looking for stale actions may fail for this long (the database away) before `/health` says so. */
const failingTooLongMs = 60_000;

/**
 * Every `intervalMs`, takes over one bulk action whose process stopped (its heartbeat went stale) and works it
 * here. Returns how to stop it (for shutdown) and its report for `/health`.
 */
export function startBulkActionResumer(options: {
  database: TransactionalDatabase;
  route: ReplayRoute;
  logger: Logger;
  intervalMs?: number;
}): { stop: () => Promise<void>; report: () => Omit<LoopReport, 'name'> } {
  stopping = false;
  let failingSince: number | undefined;
  let lastError: string | undefined;
  const timer = setInterval(() => {
    claimStaleBulkAction(options.database).then(
      (id) => {
        failingSince = undefined;
        if (!id || stopping) return;
        options.logger.info('bulk dead-letter action taken over', { bulkActionId: id });
        runBulkActionInBackground(options.database, options.route, id, options.logger);
      },
      (error: unknown) => {
        failingSince ??= Date.now();
        lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        options.logger.warn('bulk dead-letter actions: cannot look for stale ones', { error });
      },
    );
  }, options.intervalMs ?? 10_000);
  timer.unref();
  const report = (): Omit<LoopReport, 'name'> => {
    const failingForMs = failingSince === undefined ? 0 : Date.now() - failingSince;
    return {
      ok: !stopping && failingForMs <= failingTooLongMs,
      state: stopping ? 'stopped' : failingForMs > 0 ? 'failing' : 'watching',
      detail: `${running.size} bulk action(s) running here`,
      lastError,
    };
  };
  const stop = async () => {
    clearInterval(timer);
    stopping = true;
    await Promise.all([...running]);
  };
  return { stop, report };
}
