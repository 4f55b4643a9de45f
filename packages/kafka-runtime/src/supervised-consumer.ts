import type { LoopReport } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { Consumer, ConsumerConfig, ConsumerRunConfig, Kafka } from 'kafkajs';
import { consumerCrashesTotal, consumerRestartsTotal } from './metrics.js';

export interface SupervisedConsumerOptions {
  kafka: Kafka;
  /** Namespaced group and topics, as on the broker. */
  groupId: string;
  topics: string[];
  config?: Omit<ConsumerConfig, 'groupId'>;
  run: ConsumerRunConfig;
  logger: Logger;
  /** A partition on one message longer than this is reported stalled. */
  stallAfterMs?: number;
  /**
   * How long joining the group may take before health calls the consumer down: not long, since a consumer that
   * has not joined consumes nothing (HTTP answers meanwhile; health just says what is true).
   */
  startupGraceMs?: number;
  /**
   * A running consumer fetches (at least every 5 s when idle) and heartbeats; with neither for this long it has
   * lost its broker, though kafkajs is still retrying and has not crashed.
   */
  silentAfterMs?: number;
}

type State = 'starting' | 'running' | 'restarting' | 'crashed' | 'stopped';

interface PartitionState {
  busySince?: number;
  pausedReason?: string;
  lag?: number;
}

const maxRestartDelayMs = 30_000;

/** `Name: message`, with the innermost cause's name (kafkajs wraps the error that crashed the consumer). */
function describeError(error: Error): string {
  let cause: unknown = error.cause;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  const innermost =
    cause instanceof Error && cause.name !== error.name ? ` (caused by ${cause.name})` : '';
  return `${error.name}: ${error.message}${innermost}`.slice(0, 500);
}

/**
 * A kafkajs consumer that is watched and kept alive: kafkajs gives up on a consumer after an error it deems
 * permanent (the group then sits empty while the process looks healthy); this restarts it with backoff, counts it,
 * and tells `/health` the group's state, assigned partitions, lag, paused or stalled partitions and last error.
 */
export class SupervisedConsumer {
  private consumer: Consumer | undefined;
  private state: State = 'starting';
  private stateSince = Date.now();
  private stopping = false;
  private restarts = 0;
  private restartDelayMs = 1000;
  private restartTimer: NodeJS.Timeout | undefined;
  private lastError: string | undefined;
  private assignment: Record<string, number[]> = {};
  private lastContact = Date.now();
  private recentCrashes: number[] = [];
  private readonly partitions = new Map<string, PartitionState>();

  constructor(private readonly options: SupervisedConsumerOptions) {}

  async start(): Promise<void> {
    this.stopping = false;
    await this.launch();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
    this.setState('stopped');
  }

  /** The pipeline says a partition is working on a message (or no longer is). */
  busy(topic: string, partition: number, busy: boolean): void {
    this.partitionState(topic, partition).busySince = busy ? Date.now() : undefined;
  }

  /** The pipeline says a partition waits for something outside it (a database, the DLQ topic), or goes on. */
  paused(topic: string, partition: number, reason: string | null): void {
    this.partitionState(topic, partition).pausedReason = reason ?? undefined;
  }

  lag(topic: string, partition: number, lag: number): void {
    this.partitionState(topic, partition).lag = lag;
  }

  report(): Omit<LoopReport, 'name'> {
    const now = Date.now();
    const stallAfterMs = this.options.stallAfterMs ?? 30_000;
    const problems: string[] = [];
    let lag = 0;
    for (const [name, partition] of this.partitions) {
      lag += partition.lag ?? 0;
      if (partition.pausedReason) problems.push(`${name} paused: ${partition.pausedReason}`);
      else if (partition.busySince && now - partition.busySince > stallAfterMs) {
        problems.push(
          `${name} stalled on one message for ${Math.round((now - partition.busySince) / 1000)} s`,
        );
      }
    }
    const withinGrace =
      this.state === 'starting' && now - this.stateSince < (this.options.startupGraceMs ?? 5_000);
    const silentMs = now - this.lastContact;
    if (this.state === 'running' && silentMs > (this.options.silentAfterMs ?? 8_000)) {
      problems.push(
        `no fetch or heartbeat answered for ${Math.round(silentMs / 1000)} s: the broker is out of reach`,
      );
    }
    const state = problems.length > 0 && this.state === 'running' ? 'stalled' : this.state;
    return {
      ok: (this.state === 'running' || withinGrace) && problems.length === 0,
      state,
      detail:
        problems.length > 0
          ? problems.join('; ')
          : `${this.state} for ${Math.round((now - this.stateSince) / 1000)} s`,
      partitions: Object.entries(this.assignment).map(
        ([topic, ids]) => `${topic}[${[...ids].sort((a, b) => a - b).join(',')}]`,
      ),
      lag,
      lastError: this.lastError,
      restarts: this.restarts,
    };
  }

  private partitionState(topic: string, partition: number): PartitionState {
    const name = `${topic}[${partition}]`;
    let state = this.partitions.get(name);
    if (!state) {
      state = {};
      this.partitions.set(name, state);
    }
    return state;
  }

  private setState(state: State): void {
    if (state !== this.state) this.stateSince = Date.now();
    this.state = state;
  }

  private async launch(): Promise<void> {
    const { kafka, groupId, topics, logger } = this.options;
    const consumer = kafka.consumer({ ...this.options.config, groupId });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assignment = payload.memberAssignment;
      this.partitions.clear();
      this.lastContact = Date.now();
      this.setState('running');
    });
    const contact = () => {
      this.lastContact = Date.now();
    };
    consumer.on(consumer.events.HEARTBEAT, contact);
    consumer.on(consumer.events.FETCH, contact);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.lastError = describeError(payload.error);
      consumerCrashesTotal.inc({ group: groupId });
      this.assignment = {};
      if (this.stopping) return;
      // A consumer that ran a good while before this crash starts again quickly; a crash loop backs off.
      if (this.state === 'running' && Date.now() - this.stateSince > 60_000)
        this.restartDelayMs = 1000;
      if (payload.restart) {
        this.setState('restarting'); // kafkajs restarts it itself (a retriable error, such as a lost broker)
        this.noteRetriableCrash(payload.error);
        return;
      }
      logger.error('consumer crashed; restarting it', {
        groupId,
        error: payload.error,
        retryInMs: this.restartDelayMs,
      });
      this.setState('crashed');
      this.scheduleRestart();
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run(this.options.run);
    } catch (error) {
      this.lastError = describeError(error as Error);
      if (this.stopping) return;
      logger.error('consumer could not start; trying again', {
        groupId,
        error,
        retryInMs: this.restartDelayMs,
      });
      this.setState('crashed');
      await consumer.disconnect().catch(() => undefined);
      this.scheduleRestart();
    }
  }

  /** One retriable crash is routine (a coordinator still loading, a broker restarting); three within a minute are not. */
  private noteRetriableCrash(error: Error): void {
    const now = Date.now();
    this.recentCrashes = [...this.recentCrashes.filter((at) => now - at < 60_000), now];
    const fields = { groupId: this.options.groupId, error: describeError(error), crashesInLastMinute: this.recentCrashes.length };
    if (this.recentCrashes.length >= 3) this.options.logger.warn('consumer keeps crashing; kafkajs restarts it', fields);
    else this.options.logger.info('consumer crashed on a retriable error; kafkajs restarts it', fields);
  }

  private scheduleRestart(): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.restarts += 1;
      consumerRestartsTotal.inc({ group: this.options.groupId });
      this.setState('starting');
      void this.launch();
    }, this.restartDelayMs);
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, maxRestartDelayMs);
  }
}
