import type { EventCatalog, EventEnvelope } from '@food/contracts';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { EventHandler } from './apply-events.js';
import {
  consumerTimeouts,
  type EventConsumerOptions,
  type EventConsumerStats,
} from './event-consumer-options.js';
import { classifyRecord, type ClassifyOptions, type RecordToApply } from './classify-record.js';
import { ConsumerDeadLetters } from './consumer-dead-letters.js';
import { DeadLetterSink } from './dead-letter-sink.js';
import { untilDatabaseAnswers, type OutageWatch } from './database-outage.js';
import { EventApplier, type Applied } from './event-applier.js';
import { markStarted } from './in-flight-marks.js';
import { eventsConsumedTotal } from './metrics.js';
import { connectWhenReachable } from './kafka-client.js';
import { RenewableProducer } from './renewable-producer.js';
import { namespaced, withoutNamespace } from './namespace.js';
import { guardedHeartbeat, PartitionLost, type PartitionControl } from './partition-control.js';
import { defaultRetryPolicy } from './retry-policy.js';
import type { SqlClient } from './sql-client.js';
import { SupervisedConsumer } from './supervised-consumer.js';
import { ConsumerStopping } from './wait-for-database.js';

/** Events applied in one transaction at most: a batch of thousands is cut, so no transaction runs for long. */
const maxMessagesPerTransaction = 100;

/**
 * The idempotent consumer, as a pipeline over each partition's batch: decode every record at the edge (nothing
 * read from it may throw), apply the decodable events in one transaction with their dedupe rows and outbox rows
 * (one at a time, retried, when that fails), and dead-letter what cannot be applied. Each batch is noted durably
 * before its work starts, so a message that kills the process is found after restarts and dead-lettered instead
 * of killing it forever.
 */
export class EventConsumer<TCatalog extends EventCatalog, Tx extends SqlClient> {
  private readonly supervisor: SupervisedConsumer;
  private readonly producer: RenewableProducer;
  private readonly sink: DeadLetterSink;
  private readonly deadLetters: ConsumerDeadLetters;
  private readonly groupId: string;
  private readonly maxStarts: number;
  private readonly outages: OutageWatch;
  private readonly applier: EventApplier<Tx>;
  private readonly classifying: ClassifyOptions;
  private stopping = false;
  private readonly counters: EventConsumerStats = {
    processed: 0,
    duplicates: 0,
    retries: 0,
    deadLettered: 0,
    outagePauses: 0,
  };

  constructor(private readonly options: EventConsumerOptions<TCatalog, Tx>) {
    this.groupId = namespaced(options.namespace, options.groupId);
    this.maxStarts = options.maxStartsPerMessage ?? 3;
    this.outages = {
      database: options.database,
      logger: options.logger,
      onPause: () => (this.counters.outagePauses += 1),
    };
    this.producer = new RenewableProducer(options.kafka, options.logger, `dead-letter sink of ${this.groupId}`);
    this.sink = new DeadLetterSink({
      producer: this.producer,
      namespace: options.namespace,
      deadLetterTopic: options.deadLetterTopic,
      database: options.database,
      logger: options.logger,
      maxRecordBytes: options.maxRecordBytes,
    });
    this.deadLetters = new ConsumerDeadLetters({
      namespace: options.namespace,
      groupId: this.groupId,
      logger: options.logger,
      sink: this.sink,
      outages: this.outages,
      onDeadLettered: (sourceTopic) => {
        this.counters.deadLettered += 1;
        eventsConsumedTotal.inc({ topic: sourceTopic, outcome: 'dead-lettered' });
      },
    });
    const retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    this.applier = new EventApplier({
      database: options.database,
      consumerGroup: this.groupId,
      groupName: options.groupId,
      namespace: options.namespace,
      handlers: options.handlers as Record<string, EventHandler<EventEnvelope, Tx> | undefined>,
      logger: options.logger,
      retryPolicy,
      sink: this.sink,
      outages: this.outages,
      transactionTimeoutMs: options.transactionTimeoutMs ?? 15_000,
      onRetry: () => (this.counters.retries += 1),
    });
    this.classifying = {
      namespace: options.namespace,
      catalog: options.catalog,
      handledTopics: new Set(Object.keys(options.handlers)),
      replayTopic: options.replayTopic,
      maxAttempts: retryPolicy.maxAttempts,
    };
    const topics = [
      ...Object.keys(options.handlers),
      ...(options.replayTopic ? [options.replayTopic] : []),
    ];
    this.supervisor = new SupervisedConsumer({
      kafka: options.kafka,
      groupId: this.groupId,
      topics: topics.map((topic) => namespaced(options.namespace, topic)),
      config: { allowAutoTopicCreation: false, ...consumerTimeouts },
      logger: options.logger,
      run: {
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.handleBatch(payload),
      },
    });
  }

  get consumerGroup(): string {
    return this.groupId;
  }

  stats(): EventConsumerStats {
    return { ...this.counters };
  }

  report() {
    return this.supervisor.report();
  }

  async start(): Promise<void> {
    this.stopping = false;
    await connectWhenReachable(this.producer, this.options.logger, () => this.stopping);
    await this.supervisor.start();
    this.options.logger.info('consumer started', { groupId: this.groupId });
  }

  /** Stops fetching, lets the in-flight messages finish, commits their offsets, leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.supervisor.stop();
    await this.producer.disconnect();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const control: PartitionControl = {
      heartbeat: guardedHeartbeat(payload.heartbeat),
      isStopping: () => this.stopping,
      paused: (reason) => this.supervisor.paused(batch.topic, batch.partition, reason),
    };
    this.supervisor.lag(batch.topic, batch.partition, Number(batch.offsetLag()));
    const first = batch.messages[0];
    if (!first || !payload.isRunning() || payload.isStale()) return;
    this.supervisor.busy(batch.topic, batch.partition, true);
    try {
      const starts = await this.markStart(batch.topic, batch.partition, first.offset, control);
      // Started here before without moving on: the process died inside this batch. Go one message at a time,
      // each noted, so the one that kills it is found.
      if (starts > 1) await this.oneAtATime(payload, control, starts);
      else await this.together(payload, control);
    } catch (error) {
      if (error instanceof ConsumerStopping) return;
      // A rebalance: kafkajs commits what was resolved and rejoins; the rest of the batch comes again.
      if (error instanceof PartitionLost) throw error.kafkaError;
      throw error;
    } finally {
      this.supervisor.busy(batch.topic, batch.partition, false);
    }
  }

  /** The fast path: each slice of the batch applied in one transaction, its refusals dead-lettered after it. */
  private async together(payload: EachBatchPayload, control: PartitionControl): Promise<void> {
    const { batch } = payload;
    const sourceTopic = withoutNamespace(this.options.namespace, batch.topic);
    for (let from = 0; from < batch.messages.length; from += maxMessagesPerTransaction) {
      if (!payload.isRunning() || payload.isStale()) return;
      const messages = batch.messages.slice(from, from + maxMessagesPerTransaction);
      const started = performance.now();
      const classified = messages.map((message) =>
        classifyRecord(this.classifying, sourceTopic, batch.topic, batch.partition, message),
      );
      for (const item of classified) this.deadLetters.noteIgnoredHeaders(item);
      const toApply = classified.filter((item): item is RecordToApply => item.kind === 'apply');
      const applied =
        toApply.length === 0
          ? []
          : await this.applier.apply(toApply, control, this.deadLetters.forApplier(control));
      applied.forEach((result, index) => this.counted(toApply[index]!.handlerTopic, result));
      for (const item of classified) {
        if (item.kind === 'refuse') await this.deadLetters.refuse(item, batch.topic, control);
      }
      payload.resolveOffset(messages.at(-1)!.offset);
      await payload.heartbeat();
      this.options.logger.debug('batch handled', {
        topic: batch.topic,
        partition: batch.partition,
        messages: messages.length,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  }

  /** The careful path, after a start that never finished: every message noted and committed on its own. */
  private async oneAtATime(
    payload: EachBatchPayload,
    control: PartitionControl,
    firstStarts: number,
  ): Promise<void> {
    const { batch } = payload;
    for (const [index, message] of batch.messages.entries()) {
      if (!payload.isRunning() || payload.isStale()) return;
      const starts =
        index === 0
          ? firstStarts
          : await this.markStart(batch.topic, batch.partition, message.offset, control);
      if (starts > this.maxStarts)
        await this.deadLetters.killer(batch.topic, batch.partition, message, starts - 1, control);
      else await this.processOne(batch.topic, batch.partition, message, control);
      payload.resolveOffset(message.offset);
      const next = (BigInt(message.offset) + 1n).toString();
      await payload.commitOffsetsIfNecessary({
        topics: [
          { topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] },
        ],
      });
      await payload.heartbeat();
    }
  }

  private markStart(
    physicalTopic: string,
    partition: number,
    offset: string,
    control: PartitionControl,
  ) {
    return untilDatabaseAnswers(this.outages, control, () =>
      markStarted(this.options.database, {
        consumerGroup: this.groupId,
        topic: withoutNamespace(this.options.namespace, physicalTopic),
        partition,
        offset,
      }),
    );
  }

  private async processOne(
    physicalTopic: string,
    partition: number,
    message: KafkaMessage,
    control: PartitionControl,
  ): Promise<void> {
    const sourceTopic = withoutNamespace(this.options.namespace, physicalTopic);
    const item = classifyRecord(this.classifying, sourceTopic, physicalTopic, partition, message);
    this.deadLetters.noteIgnoredHeaders(item);
    if (item.kind === 'refuse') await this.deadLetters.refuse(item, physicalTopic, control);
    else {
      const [applied] = await this.applier.apply(
        [item],
        control,
        this.deadLetters.forApplier(control),
      );
      this.counted(item.handlerTopic, applied!);
    }
  }

  private counted(handlerTopic: string, applied: Applied): void {
    if (applied.outcome === 'processed') this.counters.processed += 1;
    else if (applied.outcome === 'duplicate') this.counters.duplicates += 1;
    else this.counters.deadLettered += 1;
    eventsConsumedTotal.inc({ topic: handlerTopic, outcome: applied.outcome });
  }
}
