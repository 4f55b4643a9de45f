import { headerNames } from '@food/contracts';
import { storableText, withLogContext, type Logger } from '@food/service-kit';
import type { EachMessagePayload, Kafka } from 'kafkajs';
import { isConnectionProblem } from './connection-problem.js';
import { readRecord } from './consumed-record.js';
import { deterministicUuid } from './dead-letter-message.js';
import {
  envelopeIdentity,
  headersAsText,
  insertDeadLetter,
  type DeadLetterRow,
} from './dead-letter-row.js';
import { consumerTimeouts } from './event-consumer-options.js';
import { deadLettersSkippedTotal } from './metrics.js';
import { namespaced, withoutNamespace } from './namespace.js';
import type { SqlClient } from './sql-client.js';
import { SupervisedConsumer } from './supervised-consumer.js';
import { databaseAnswers, waitForDatabase } from './wait-for-database.js';

export interface DeadLetterStoreOptions {
  kafka: Kafka;
  namespace: string;
  /** The service's `<service>.failed.dlq`, before namespacing. */
  deadLetterTopic: string;
  /** Its own group, apart from the service's event consumer. */
  groupId: string;
  database: SqlClient;
  logger: Logger;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxAttempts = 1_000_000;

/** A whole number within bounds, from header text; null for anything else. */
function boundedInteger(text: string | undefined, max: bigint): string | null {
  if (text === undefined || !/^[0-9]{1,19}$/.test(text)) return null;
  return BigInt(text) <= max ? String(BigInt(text)) : null;
}

function isoTime(text: string | undefined): string | undefined {
  if (!text || text.length > 40) return undefined;
  const time = Date.parse(text);
  return Number.isFinite(time) && time > 0 && time < 8.64e15
    ? new Date(time).toISOString()
    : undefined;
}

/**
 * Reads the service's dead-letter topic into its `dead_letter` table (once per dead letter, by its `x-dlq-id`),
 * where admins list, replay and discard them. Anyone may write to that topic, so every header is parsed and
 * range-checked; a record that still cannot be stored is skipped and counted with its reason, never allowed to
 * hold the partition. Outages of the database pause it; nothing is skipped for them.
 */
export class DeadLetterStore {
  private readonly supervisor: SupervisedConsumer;
  private stopping = false;
  stored = 0;

  constructor(private readonly options: DeadLetterStoreOptions) {
    const groupId = namespaced(options.namespace, options.groupId);
    this.supervisor = new SupervisedConsumer({
      kafka: options.kafka,
      groupId,
      topics: [namespaced(options.namespace, options.deadLetterTopic)],
      config: { allowAutoTopicCreation: false, ...consumerTimeouts },
      logger: options.logger,
      run: { eachMessage: (payload) => this.store(payload) },
    });
  }

  get consumerGroup(): string {
    return namespaced(this.options.namespace, this.options.groupId);
  }

  report() {
    return this.supervisor.report();
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.supervisor.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.supervisor.stop();
  }

  /** The row a dead-letter record describes, every header read as untrusted text. */
  private rowOf(payload: EachMessagePayload): DeadLetterRow {
    const record = readRecord(payload.topic, payload.partition, payload.message);
    const dlq = headerNames.deadLetter;
    const header = (name: string) => {
      const text = record.headers[name];
      return text === undefined ? undefined : storableText(text);
    };
    const givenId = header(dlq.id);
    const replayOf = header(headerNames.replayOf);
    const attempts = boundedInteger(header(dlq.attempts), BigInt(maxAttempts));
    const originalTopic = header(dlq.originalTopic)?.slice(0, 300);
    const timestamp = Number(record.timestamp);
    return {
      // Not the DLQ offset: a recreated topic (or a new cluster) starts offsets again, and an older dead letter
      // with the same offset must not hide a new one.
      id:
        givenId && uuidPattern.test(givenId)
          ? givenId
          : deterministicUuid(payload.topic, payload.partition, record.offset, record.timestamp),
      dlqTopic: payload.topic,
      dlqPartition: payload.partition,
      dlqOffset: record.offset,
      originalTopic: withoutNamespace(this.options.namespace, originalTopic ?? 'unknown'),
      originalPartition: (() => {
        const partition = boundedInteger(header(dlq.originalPartition), 2_147_483_647n);
        return partition === null ? null : Number(partition);
      })(),
      originalOffset: boundedInteger(header(dlq.originalOffset), 9_223_372_036_854_775_807n),
      key: record.key,
      consumerGroup: header(dlq.consumerGroup)?.slice(0, 300) ?? null,
      ...envelopeIdentity(record.value),
      value: record.value ?? Buffer.alloc(0),
      headers: headersAsText(record.rawHeaders),
      errorMessage: header(dlq.errorMessage)?.slice(0, 2000) ?? 'unknown error',
      errorClass: header(dlq.errorClass)?.slice(0, 100) ?? 'UNKNOWN',
      attempts: attempts === null ? 0 : Number(attempts),
      failedAt:
        isoTime(header(dlq.failedAt)) ??
        (Number.isFinite(timestamp) && timestamp > 0
          ? new Date(timestamp).toISOString()
          : new Date().toISOString()),
      replayOf: replayOf && uuidPattern.test(replayOf) ? replayOf : null,
    };
  }

  private async store(payload: EachMessagePayload): Promise<void> {
    const { message } = payload;
    const location = { topic: payload.topic, partition: payload.partition, offset: message.offset };
    await withLogContext(location, async () => {
      let row: DeadLetterRow;
      try {
        row = this.rowOf(payload);
      } catch (error) {
        this.skip('unreadable', error);
        return;
      }
      let fallback = false;
      for (;;) {
        try {
          if (await insertDeadLetter(this.options.database, row)) this.stored += 1;
          this.options.logger.info('dead letter stored', {
            errorClass: row.errorClass,
            originalTopic: row.originalTopic,
          });
          return;
        } catch (error) {
          if (isConnectionProblem(error) || !(await databaseAnswers(this.options.database))) {
            this.supervisor.paused(
              payload.topic,
              payload.partition,
              'the service database does not answer',
            );
            try {
              await waitForDatabase({
                database: this.options.database,
                heartbeat: payload.heartbeat,
                isStopping: () => this.stopping,
                logger: this.options.logger,
                context: {},
              });
            } finally {
              this.supervisor.paused(payload.topic, payload.partition, null);
            }
            continue;
          }
          if (fallback) {
            this.skip('not storable', error);
            return;
          }
          // Something in the headers or texts cannot be stored: keep the message (its bytes and origin) rather than
          // block the dead-letter partition behind it.
          this.options.logger.error(
            'dead letter not storable in full; storing its bytes without headers',
            { error },
          );
          fallback = true;
          row = {
            ...row,
            headers: {},
            errorMessage: `stored without its headers and error text: ${storableText((error as Error).message).slice(0, 500)}`,
            key: null,
            consumerGroup: null,
            eventId: null,
            eventType: null,
            failedAt: new Date().toISOString(),
          };
        }
      }
    });
  }

  private skip(reason: string, error: unknown): void {
    deadLettersSkippedTotal.inc({ reason });
    this.options.logger.error('dead-letter record skipped: it cannot be stored', { reason, error });
  }
}
