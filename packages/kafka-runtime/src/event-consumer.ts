import type { EventCatalog, EventEnvelope, EventOf } from '@food/contracts';
import { headerNames } from '@food/contracts';
import {
  contextFromHeaders,
  inSpan,
  SpanKind,
  withLogContext,
  type Logger,
} from '@food/service-kit';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { isConnectionProblem } from './connection-problem.js';
import { deadLetterMessage, headerText, type DeadLetterFacts } from './dead-letter-message.js';
import { decodeEvent } from './decode-event.js';
import { namespaced, withoutNamespace } from './namespace.js';
import type { OutgoingEvent } from './outgoing-event.js';
import {
  consumerOutagePausesTotal,
  eventRetriesTotal,
  eventsConsumedTotal,
  eventsDeadLetteredTotal,
} from './metrics.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';
import type { SqlClient, TransactionalDatabase } from './sql-client.js';
import { databaseAnswers, waitForDatabase } from './wait-for-database.js';
import { writeToOutbox } from './write-outbox.js';

export interface HandlerContext {
  attempt: number;
  topic: string;
  partition: number;
  offset: string;
  logger: Logger;
}

/** What an event means for a service: apply it in `tx`, and return the events it caused (written to the outbox). */
export type EventHandler<TEvent, Tx> = (
  event: TEvent,
  tx: Tx,
  context: HandlerContext,
) => Promise<readonly OutgoingEvent[] | void>;

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
  logger: Logger;
  retryPolicy?: RetryPolicy;
  /** Partitions processed in parallel; a slow or poison message holds only its own partition. */
  partitionsConsumedConcurrently?: number;
  transactionTimeoutMs?: number;
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

/**
 * The idempotent consumer: parses each message, applies its handler and records the event id in
 * `processed_event` in one transaction (a redelivered event is skipped and counted), retries a failing handler
 * in place, dead-letters what cannot succeed, and waits out outages of its database without counting them.
 */
export class EventConsumer<TCatalog extends EventCatalog, Tx extends SqlClient> {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly retryPolicy: RetryPolicy;
  private readonly groupId: string;
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
    this.consumer = options.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
    });
    this.producer = options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
  }

  stats(): EventConsumerStats {
    return { ...this.counters };
  }

  async start(): Promise<void> {
    const topics = Object.keys(this.options.handlers).map((topic) =>
      namespaced(this.options.namespace, topic),
    );
    await this.producer.connect();
    await this.consumer.connect();
    // A new group starts from the beginning, so events published before its first start are not skipped.
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.handleMessage(payload),
    });
    this.options.logger.info('consumer started', { groupId: this.groupId, topics });
  }

  /** Stops fetching, lets the in-flight messages finish, commits their offsets, leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async handleMessage(payload: EachMessagePayload): Promise<void> {
    const { message, partition } = payload;
    const topic = withoutNamespace(this.options.namespace, payload.topic);
    const started = performance.now();
    const decoded = decodeEvent(topic, message.value, this.options.catalog);
    const correlationId = decoded.ok
      ? decoded.event.correlationId
      : headerText(message.headers, headerNames.correlationId);
    const logFields = {
      topic: payload.topic,
      partition,
      offset: message.offset,
      eventId: decoded.ok ? decoded.event.eventId : decoded.eventId,
      correlationId,
      groupId: this.groupId,
    };
    const parent = contextFromHeaders(message.headers);
    const spanAttributes = {
      'messaging.system': 'kafka',
      'messaging.destination.name': payload.topic,
      'messaging.consumer.group.name': this.groupId,
    };
    await inSpan(
      `${this.options.groupId} process ${topic}`,
      { kind: SpanKind.CONSUMER, parent, attributes: spanAttributes },
      () =>
        withLogContext(logFields, async () => {
          const startAttempt = Math.max(
            1,
            Number(headerText(message.headers, headerNames.attempt) ?? 1) || 1,
          );
          let outcome: Outcome;
          let attempts = startAttempt;
          if (!decoded.ok) {
            await this.deadLetter(payload, {
              errorClass: decoded.errorClass,
              errorMessage: decoded.message,
              attempts: 1,
            });
            outcome = 'dead-lettered';
            attempts = 1;
          } else {
            ({ outcome, attempts } = await this.applyWithRetries(
              payload,
              topic,
              decoded.event,
              startAttempt,
            ));
          }
          eventsConsumedTotal.inc({ topic, outcome });
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          const level = outcome === 'dead-lettered' ? 'warn' : 'info';
          this.options.logger[level]('event handled', { outcome, attempts, durationMs });
        }),
    );
  }

  private async applyWithRetries(
    payload: EachMessagePayload,
    topic: string,
    event: EventEnvelope,
    startAttempt: number,
  ): Promise<{ outcome: Outcome; attempts: number }> {
    const handler = this.options.handlers[topic] as EventHandler<EventEnvelope, Tx> | undefined;
    if (!handler) throw new Error(`no handler for ${topic}`); // subscribed topics are exactly the handlers' keys
    let attempt = startAttempt;
    for (;;) {
      try {
        const outcome = await this.applyOnce(handler, event, topic, attempt, payload);
        if (outcome === 'duplicate') this.counters.duplicates += 1;
        else this.counters.processed += 1;
        return { outcome, attempts: attempt };
      } catch (error) {
        if (isConnectionProblem(error) || !(await databaseAnswers(this.options.database))) {
          this.counters.outagePauses += 1;
          consumerOutagePausesTotal.inc();
          await waitForDatabase({
            database: this.options.database,
            heartbeat: payload.heartbeat,
            isStopping: () => this.stopping,
            logger: this.options.logger,
            context: { attempt, error: (error as Error).message },
          });
          continue;
        }
        if (attempt >= this.retryPolicy.maxAttempts) {
          await this.deadLetter(payload, {
            errorClass: 'HANDLER_FAILED',
            errorMessage: `${(error as Error).name}: ${(error as Error).message}`,
            attempts: attempt,
          });
          return { outcome: 'dead-lettered', attempts: attempt };
        }
        const waitMs = this.retryPolicy.backoffMs(attempt);
        this.options.logger.warn('handler failed; retrying', { attempt, retryInMs: waitMs, error });
        this.counters.retries += 1;
        eventRetriesTotal.inc({ topic });
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        await payload.heartbeat();
        attempt += 1;
      }
    }
  }

  private applyOnce(
    handler: EventHandler<EventEnvelope, Tx>,
    event: EventEnvelope,
    topic: string,
    attempt: number,
    payload: EachMessagePayload,
  ): Promise<'processed' | 'duplicate'> {
    return this.options.database.$transaction(
      async (tx) => {
        const inserted = await tx.$executeRawUnsafe(
          `INSERT INTO processed_event (consumer_group, event_id, topic, attempts) VALUES ($1, $2::uuid, $3, $4)
           ON CONFLICT DO NOTHING`,
          this.groupId,
          event.eventId,
          topic,
          attempt,
        );
        if (inserted === 0) return 'duplicate';
        const caused = await handler(event, tx, {
          attempt,
          topic,
          partition: payload.partition,
          offset: payload.message.offset,
          logger: this.options.logger,
        });
        if (caused && caused.length > 0) await writeToOutbox(tx, caused);
        return 'processed';
      },
      { timeout: this.options.transactionTimeoutMs ?? 15_000, maxWait: 5_000 },
    );
  }

  private async deadLetter(
    payload: EachMessagePayload,
    failure: Pick<DeadLetterFacts, 'errorClass' | 'errorMessage' | 'attempts'>,
  ): Promise<void> {
    const { message } = payload;
    const dlqMessage = deadLetterMessage(message, {
      ...failure,
      originalTopic: payload.topic,
      partition: payload.partition,
      offset: message.offset,
      key: message.key,
      consumerGroup: this.groupId,
    });
    const topic = namespaced(this.options.namespace, this.options.deadLetterTopic);
    let delayMs = 250;
    for (;;) {
      try {
        await this.producer.send({ topic, acks: -1, messages: [dlqMessage] });
        this.counters.deadLettered += 1;
        eventsDeadLetteredTotal.inc({
          topic: withoutNamespace(this.options.namespace, payload.topic),
          error_class: failure.errorClass,
        });
        return;
      } catch (error) {
        // The broker is unreachable: keep the message (uncommitted) and try again; dead letters are never dropped.
        if (this.stopping) throw error;
        this.options.logger.warn('dead-letter publish failed; retrying', {
          error,
          retryInMs: delayMs,
        });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 5000);
      }
    }
  }
}
