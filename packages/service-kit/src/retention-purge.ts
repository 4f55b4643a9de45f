import type { LoopReport } from '@food/contracts';
import type { Logger } from './logger.js';

/** Rows of one kind that go once they have outlived their retention. */
export interface PurgeTarget {
  /** What goes, as an operator reads it: `published outbox rows`. */
  name: string;
  /** Deletes at most `limit` rows past retention that no other purge holds (SKIP LOCKED); answers how many went. */
  purgeBatch(limit: number): Promise<number>;
}

export interface RetentionPurgeOptions {
  targets: PurgeTarget[];
  intervalMs: number;
  logger: Logger;
  batchSize?: number;
  /** The first run waits this long after start, so a starting service catches up on its real work first. */
  firstRunDelayMs?: number;
  /** After a failed run, the next one comes this soon (or at the interval, if sooner). */
  retryMs?: number;
}

/** A purge that has failed for longer than this makes `/health` say degraded. */
const failingTooLongMs = 60_000;

/**
 * Deletes what has outlived its retention, every interval, target after target, in short batches (no long
 * transaction, no long lock). Each batch takes its rows with SKIP LOCKED, so two instances purging at once split
 * the rows between them instead of waiting for each other or counting a row twice.
 */
export class RetentionPurge {
  private readonly options: Required<RetentionPurgeOptions>;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private purging: Promise<void> | undefined;
  private lastRun: { at: number; purged: Record<string, number> } | undefined;
  private failingSince: number | undefined;
  private lastError: string | undefined;

  constructor(options: RetentionPurgeOptions) {
    this.options = { batchSize: 1000, firstRunDelayMs: 30_000, retryMs: 5000, ...options };
  }

  start(): void {
    this.running = true;
    this.schedule(this.options.firstRunDelayMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.purging;
  }

  /** Purges every target until none has rows past retention left (or the purge is stopped); answers the counts. */
  async purgeNow(): Promise<Record<string, number>> {
    const purged: Record<string, number> = {};
    for (const target of this.options.targets) {
      let total = 0;
      for (;;) {
        const count = await target.purgeBatch(this.options.batchSize);
        total += count;
        if (count < this.options.batchSize || this.stopped()) break;
      }
      purged[target.name] = total;
    }
    return purged;
  }

  /** For `/health`: idle between runs is fine; failing for more than a minute is not. */
  report(): Omit<LoopReport, 'name'> {
    const failingForMs = this.failingSince === undefined ? 0 : Date.now() - this.failingSince;
    const state = this.stopped()
      ? 'stopped'
      : failingForMs > 0
        ? 'failing'
        : this.purging
          ? 'purging'
          : 'idle';
    const every = `every ${Math.round(this.options.intervalMs / 1000)} s`;
    const last = this.lastRun
      ? `last run ${Math.round((Date.now() - this.lastRun.at) / 1000)} s ago purged ${describe(this.lastRun.purged)}`
      : 'not run yet';
    return {
      ok: !this.stopped() && failingForMs <= failingTooLongMs,
      state,
      detail:
        failingForMs > 0
          ? `failing for ${Math.round(failingForMs / 1000)} s; ${every}`
          : `${last}; ${every}`,
      lastError: this.lastError,
    };
  }

  private stopped(): boolean {
    return this.timer !== undefined && !this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.purging = this.runScheduled().finally(() => {
        this.purging = undefined;
      });
    }, delayMs);
    this.timer.unref();
  }

  private async runScheduled(): Promise<void> {
    let nextInMs = this.options.intervalMs;
    const startedAt = Date.now();
    try {
      const purged = await this.purgeNow();
      this.lastRun = { at: startedAt, purged };
      this.failingSince = undefined;
      this.lastError = undefined;
      if (Object.values(purged).some((count) => count > 0)) {
        this.options.logger.info('retention purge', { purged, durationMs: Date.now() - startedAt });
      }
    } catch (error) {
      this.failingSince ??= startedAt;
      this.lastError = `${(error as Error).name}: ${(error as Error).message}`;
      nextInMs = Math.min(this.options.retryMs, this.options.intervalMs);
      this.options.logger.warn('retention purge failed; will retry', {
        error,
        retryInMs: nextInMs,
      });
    }
    if (this.running) this.schedule(nextInMs);
  }
}

function describe(purged: Record<string, number>): string {
  return Object.entries(purged)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
}
