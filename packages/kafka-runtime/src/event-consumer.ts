import type { EventCatalog, EventEnvelope, EventOf } from '@food/contracts';
import { headerNames } from '@food/contracts';
import {
  contextFromHeaders,
  inSpan,
  SpanKind,
  withLogContext,
  type Logger,
} from '@food/service-kit';
import type { EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { applyEvent, type EventHandler } from './apply-event.js';
import { readRecord, startingAttempt, type ConsumedRecord } from './consumed-record.js';
import type { DeadLetterFailure } from './dead-letter-message.js';
import { DeadLetterSink } from './dead-letter-sink.js';
import { decodeEvent } from './decode-event.js';
import { markStarted } from './in-flight-marks.js';
import {
  isDatabaseOutage,
  untilDatabaseAnswers,
  waitOutOutage,
  type OutageWatch,
} from './database-outage.js';
import { eventRetriesTotal, eventsConsumedTotal, recordHeadersIgnoredTotal } from './metrics.js';
import { createIdempotentProducer } from './kafka-client.js';
import { namespaced, withoutNamespace } from './namespace.js';
import {
  guardedHeartbeat,
  interruptsBatch,
  PartitionLost,
  type PartitionControl,
} from './partition-control.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';
import type { SqlClient, TransactionalDatabase } from './sql-client.js';
import { SupervisedConsumer } from './supervised-consumer.js';
import { ConsumerStopping } from './wait-for-database.js';

export type EventHandlers<TCatalog extends EventCatalog, Tx> = {
  [TTopic in keyof TCatalog & string]?: EventHandler<EventOf<TCatalog, TTopic>, Tx>;
};

export interface EventConsumerOptions<TCatalog extends EventCatalog, Tx extends SqlClient> {
  kafka: Kafka;
  /** The consumer group, before namespacing. */
  groupId: string;
  namespace: string;
  catalog: TCatalog;
  handlers: EventHandlers<TCatalog, Tx>;
  database: TransactionalDatabase<Tx>;
  /** The service's `<service>.failed.dlq`, before namespacing. */
  deadLetterTopic: string;
  /** The service's `<service>.replay`, before namespacing: replayed dead letters come back on it. */
  replayTopic?: string;
  logger: Logger;
  retryPolicy?: RetryPolicy;
  /** Partitions processed in parallel; a slow or poison message holds only its own partition. */
  partitionsConsumedConcurrently?: number;
  transactionTimeoutMs?: number;
  /** Starts at one offset without finishing after which its message is dead-lettered as KILLED_PROCESS. */
  maxStartsPerMessage?: number;
  maxRecordBytes?: number;
}

export interface EventConsumerStats {
  processed: number;
  duplicates: number;
  retries: number;
  deadLettered: number;
  outagePauses: number;
}

type Outcome = 'processed' | 'duplicate' | 'dead-lettered';

/** A crashed member's partitions move to the survivors after 10 s (kafkajs's default is 30 s). */
export const consumerTimeouts = { sessionTimeout: 10_000, heartbeatInterval: 1_000 };

const maxCorrelationIdLength = 200;

/**
 * The idempotent consumer, as a pipeline per message: read the record at the edge (nothing read from it may
 * throw), decode the event, apply it in one transaction with its dedupe row, retry what may pass later, and
 * dead-letter what cannot. Each partition's batch is noted durably before its work starts, so a message that kills
 * the process is found after restarts and dead-lettered instead of killing it forever.
 */
export class EventConsumer<TCatalog extends EventCatalog, Tx extends SqlClient> {
  private readonly supervisor: SupervisedConsumer;
  private readonly producer: Producer;
  private readonly sink: DeadLetterSink;
  private readonly retryPolicy: RetryPolicy;
  private readonly groupId: string;
  private readonly maxStarts: number;
  private readonly outages: OutageWatch;
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
    this.retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    this.maxStarts = options.maxStartsPerMessage ?? 3;
    this.outages = {
      database: options.database,
      logger: options.logger,
      onPause: () => (this.counters.outagePauses += 1),
    };
    this.producer = createIdempotentProducer(options.kafka);
    this.sink = new DeadLetterSink({
      producer: this.producer,
      namespace: options.namespace,
      deadLetterTopic: options.deadLetterTopic,
      database: options.database,
      logger: options.logger,
      maxRecordBytes: options.maxRecordBytes,
    });
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
    await this.producer.connect();
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
    const sourceTopic = withoutNamespace(this.options.namespace, batch.topic);
    const control: PartitionControl = {
      heartbeat: guardedHeartbeat(payload.heartbeat),
      isStopping: () => this.stopping,
      paused: (reason) => this.supervisor.paused(batch.topic, batch.partition, reason),
    };
    this.supervisor.lag(batch.topic, batch.partition, Number(batch.offsetLag()));
    let careful = false;
    for (const [index, message] of batch.messages.entries()) {
      if (!payload.isRunning() || payload.isStale()) return;
      this.supervisor.busy(batch.topic, batch.partition, true);
      try {
        if (index === 0 || careful) {
          const starts = await untilDatabaseAnswers(this.outages, control, () =>
            markStarted(this.options.database, {
              consumerGroup: this.groupId,
              topic: sourceTopic,
              partition: batch.partition,
              offset: message.offset,
            }),
          );
          // Started here before without moving on: the process died inside this batch. Go one message at a time,
          // each noted, so the one that kills it is found.
          if (index === 0) careful = starts > 1;
          if (starts > this.maxStarts) {
            await this.deadLetterKiller(
              sourceTopic,
              batch.topic,
              batch.partition,
              message,
              starts - 1,
              control,
            );
          } else {
            await this.processMessage(sourceTopic, batch.topic, batch.partition, message, control);
          }
        } else {
          await this.processMessage(sourceTopic, batch.topic, batch.partition, message, control);
        }
      } catch (error) {
        if (error instanceof ConsumerStopping) return;
        // A rebalance: kafkajs commits what was resolved and rejoins; the rest of the batch comes again.
        if (error instanceof PartitionLost) throw error.kafkaError;
        throw error;
      } finally {
        this.supervisor.busy(batch.topic, batch.partition, false);
      }
      payload.resolveOffset(message.offset);
      if (careful) {
        const next = (BigInt(message.offset) + 1n).toString();
        await payload.commitOffsetsIfNecessary({
          topics: [
            { topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] },
          ],
        });
      }
      await payload.heartbeat();
    }
  }

  private async deadLetterKiller(
    sourceTopic: string,
    physicalTopic: string,
    partition: number,
    message: KafkaMessage,
    starts: number,
    control: PartitionControl,
  ): Promise<void> {
    const record = readRecord(sourceTopic, partition, message);
    this.options.logger.error('message started repeatedly without finishing: dead-lettering it', {
      topic: physicalTopic,
      partition,
      offset: message.offset,
      starts,
    });
    await this.deadLetter(record, physicalTopic, physicalTopic, control, {
      errorClass: 'KILLED_PROCESS',
      errorMessage: `started ${starts} times without finishing: the process stopped while handling it each time`,
      attempts: starts,
    });
    eventsConsumedTotal.inc({ topic: sourceTopic, outcome: 'dead-lettered' });
  }

  private async processMessage(
    sourceTopic: string,
    physicalTopic: string,
    partition: number,
    message: KafkaMessage,
    control: PartitionControl,
  ): Promise<void> {
    const started = performance.now();
    const record = readRecord(sourceTopic, partition, message);
    const correlationId = record.headers[headerNames.correlationId]?.slice(
      0,
      maxCorrelationIdLength,
    );
    const logFields = {
      topic: physicalTopic,
      partition,
      offset: message.offset,
      correlationId,
      groupId: this.groupId,
    };
    await withLogContext(logFields, async () => {
      let result: { outcome: Outcome; attempts: number };
      try {
        result = await inSpan(
          `${this.options.groupId} process ${sourceTopic}`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextFromHeaders(record.headers),
            attributes: {
              'messaging.system': 'kafka',
              'messaging.destination.name': physicalTopic,
              'messaging.consumer.group.name': this.groupId,
            },
          },
          () => this.consume(record, physicalTopic, control),
        );
      } catch (error) {
        if (interruptsBatch(error)) throw error;
        // A defect outside the handler: the record still leaves the partition, as a dead letter that says so.
        this.options.logger.error('record could not be handled; dead-lettering it', { error });
        await this.deadLetter(record, physicalTopic, physicalTopic, control, {
          errorClass: 'UNREADABLE_RECORD',
          errorMessage: `${(error as Error).name}: ${(error as Error).message}`,
          attempts: 1,
        });
        result = { outcome: 'dead-lettered', attempts: 1 };
      }
      eventsConsumedTotal.inc({ topic: sourceTopic, outcome: result.outcome });
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const level = result.outcome === 'dead-lettered' ? 'warn' : 'info';
      this.options.logger[level]('event handled', {
        outcome: result.outcome,
        attempts: result.attempts,
        durationMs,
      });
    });
  }

  /** Decode, route and apply one record; everything it cannot apply ends as a dead letter. */
  private async consume(
    record: ConsumedRecord,
    physicalTopic: string,
    control: PartitionControl,
  ): Promise<{ outcome: Outcome; attempts: number }> {
    const startAttempt = startingAttempt(
      record.headers,
      this.retryPolicy.maxAttempts,
      record.notes,
    );
    if (record.notes.length > 0) {
      recordHeadersIgnoredTotal.inc({ topic: record.topic });
      this.options.logger.warn('record headers ignored', { notes: record.notes.slice(0, 10) });
    }
    const handlerTopic = this.handlerTopicOf(record);
    const originalTopic = handlerTopic
      ? namespaced(this.options.namespace, handlerTopic)
      : physicalTopic;
    const deadLetter = async (failure: DeadLetterFailure) => {
      await this.deadLetter(record, originalTopic, physicalTopic, control, failure);
      return { outcome: 'dead-lettered' as const, attempts: failure.attempts };
    };
    if (!handlerTopic) {
      return deadLetter({
        errorClass: 'INVALID_REPLAY',
        errorMessage: `a replay must name, in ${headerNames.replayTopic}, a topic this service consumes (${Object.keys(this.options.handlers).join(', ')})`,
        attempts: 1,
      });
    }
    const decoded = decodeEvent(handlerTopic, record.value, this.options.catalog);
    if (!decoded.ok)
      return deadLetter({
        errorClass: decoded.errorClass,
        errorMessage: decoded.message,
        attempts: 1,
      });
    return withLogContext(
      { eventId: decoded.event.eventId, correlationId: decoded.event.correlationId },
      () =>
        this.applyWithRetries(
          record,
          handlerTopic,
          decoded.event,
          startAttempt,
          control,
          deadLetter,
        ),
    );
  }

  /** The topic whose handler a record is for: its own, or for a replay the one `x-replay-topic` names. */
  private handlerTopicOf(record: ConsumedRecord): string | undefined {
    const consumes = (topic: string | undefined) =>
      topic !== undefined && Object.hasOwn(this.options.handlers, topic) ? topic : undefined;
    if (record.topic !== this.options.replayTopic) return consumes(record.topic);
    return consumes(record.headers[headerNames.replayTopic]);
  }

  private async applyWithRetries(
    record: ConsumedRecord,
    topic: string,
    event: EventEnvelope,
    startAttempt: number,
    control: PartitionControl,
    deadLetter: (
      failure: DeadLetterFailure,
    ) => Promise<{ outcome: 'dead-lettered'; attempts: number }>,
  ): Promise<{ outcome: Outcome; attempts: number }> {
    const handler = this.options.handlers[topic] as EventHandler<EventEnvelope, Tx>;
    let attempt = startAttempt;
    for (;;) {
      try {
        const applied = await applyEvent({
          database: this.options.database,
          consumerGroup: this.groupId,
          topic,
          event,
          handler,
          context: {
            attempt,
            topic,
            partition: record.partition,
            offset: record.offset,
            logger: this.options.logger,
          },
          onRejected: (tx, rejection) =>
            this.sink.writeInTransaction(tx, record, {
              errorClass: rejection.errorClass,
              errorMessage: rejection.reason,
              attempts: attempt,
              originalTopic: namespaced(this.options.namespace, topic),
              sourceTopic: namespaced(this.options.namespace, record.topic),
              consumerGroup: this.groupId,
            }),
          timeoutMs: this.options.transactionTimeoutMs ?? 15_000,
        });
        if (applied.outcome === 'rejected') {
          this.counters.deadLettered += 1;
          this.options.logger.warn('event rejected by its handler', { ...applied.rejection });
          return { outcome: 'dead-lettered', attempts: attempt };
        }
        if (applied.outcome === 'duplicate') this.counters.duplicates += 1;
        else this.counters.processed += 1;
        return { outcome: applied.outcome, attempts: attempt };
      } catch (error) {
        if (interruptsBatch(error)) throw error;
        if (await isDatabaseOutage(this.options.database, error)) {
          await waitOutOutage(this.outages, control, { attempt, error: (error as Error).message });
          continue;
        }
        if (attempt >= this.retryPolicy.maxAttempts) {
          return deadLetter({
            errorClass: 'HANDLER_FAILED',
            errorMessage: `${(error as Error).name}: ${(error as Error).message}`,
            attempts: attempt,
          });
        }
        const waitMs = this.retryPolicy.backoffMs(attempt);
        this.options.logger.warn('handler failed; retrying', { attempt, retryInMs: waitMs, error });
        this.counters.retries += 1;
        eventRetriesTotal.inc({ topic });
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        await control.heartbeat();
        attempt += 1;
      }
    }
  }

  private async deadLetter(
    record: ConsumedRecord,
    originalTopic: string,
    sourceTopic: string,
    control: PartitionControl,
    failure: DeadLetterFailure,
  ): Promise<void> {
    await untilDatabaseAnswers(this.outages, control, () =>
      this.sink.publish(
        record,
        { ...failure, originalTopic, sourceTopic, consumerGroup: this.groupId },
        control,
      ),
    );
    this.counters.deadLettered += 1;
  }
}
