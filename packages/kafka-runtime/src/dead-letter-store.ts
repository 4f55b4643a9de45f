import { headerNames } from '@food/contracts';
import { storableText, withLogContext, type Logger } from '@food/service-kit';
import type { Consumer, EachMessagePayload, IHeaders, Kafka } from 'kafkajs';
import { isConnectionProblem } from './connection-problem.js';
import { deterministicUuid, headerText } from './dead-letter-message.js';
import { consumerTimeouts } from './event-consumer.js';
import { namespaced, withoutNamespace } from './namespace.js';
import type { SqlClient } from './sql-client.js';
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

/** Header values as storable text: a dead letter is kept whatever bytes it carries (the value itself is bytea). */
function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.keys(headers ?? {}).map((name) => [storableText(name), storableText(headerText(headers, name) ?? '')]),
  );
}

function envelopeIdentity(value: Buffer | null): { eventId: string | null; eventType: string | null } {
  try {
    const parsed = JSON.parse(value?.toString('utf8') ?? '') as { eventId?: unknown; type?: unknown };
    return {
      eventId: typeof parsed.eventId === 'string' ? storableText(parsed.eventId.slice(0, 100)) : null,
      eventType: typeof parsed.type === 'string' ? storableText(parsed.type.slice(0, 200)) : null,
    };
  } catch {
    return { eventId: null, eventType: null };
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the service's dead-letter topic into its `dead_letter` table (once per dead letter, by its `x-dlq-id`),
 * where admins list, replay and discard them. Outages of the database pause it; nothing is skipped.
 */
export class DeadLetterStore {
  private readonly consumer: Consumer;
  private stopping = false;
  stored = 0;

  constructor(private readonly options: DeadLetterStoreOptions) {
    this.consumer = options.kafka.consumer({
      groupId: namespaced(options.namespace, options.groupId),
      allowAutoTopicCreation: false,
      ...consumerTimeouts,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: namespaced(this.options.namespace, this.options.deadLetterTopic),
      fromBeginning: true,
    });
    await this.consumer.run({ eachMessage: (payload) => this.store(payload) });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
  }

  private async store(payload: EachMessagePayload): Promise<void> {
    const { message } = payload;
    const dlq = headerNames.deadLetter;
    const header = (name: string) => {
      const text = headerText(message.headers, name);
      return text === undefined ? undefined : storableText(text);
    };
    const headers = headersAsText(message.headers);
    const { eventId, eventType } = envelopeIdentity(message.value);
    const replayOf = header(headerNames.replayOf);
    const numberOrNull = (text: string | undefined) => (text && /^\d+$/.test(text) ? text : null);
    const givenId = header(dlq.id);
    // Not the DLQ offset: a recreated topic (or a new cluster) starts offsets again, and an older dead letter
    // with the same offset must not hide a new one.
    const id =
      givenId && uuidPattern.test(givenId)
        ? givenId
        : deterministicUuid(payload.topic, payload.partition, message.offset, message.timestamp);
    const values = [
      payload.topic,
      payload.partition,
      message.offset,
      withoutNamespace(this.options.namespace, header(dlq.originalTopic) ?? 'unknown'),
      numberOrNull(header(dlq.originalPartition)),
      numberOrNull(header(dlq.originalOffset)),
      message.key ? storableText(message.key.toString('utf8')) : null,
      header(dlq.consumerGroup) ?? null,
      eventId,
      eventType,
      message.value ?? Buffer.alloc(0),
      JSON.stringify(headers),
      header(dlq.errorMessage) ?? 'unknown error',
      header(dlq.errorClass) ?? 'UNKNOWN',
      Number(header(dlq.attempts) ?? 0) || 0,
      header(dlq.failedAt) ?? new Date(Number(message.timestamp)).toISOString(),
      replayOf && uuidPattern.test(replayOf) ? replayOf : null,
    ];
    await withLogContext({ topic: payload.topic, partition: payload.partition, offset: message.offset, eventId }, async () => {
      let fallback = false;
      for (;;) {
        try {
          const inserted = await this.options.database.$executeRawUnsafe(
            `INSERT INTO dead_letter (id, dlq_topic, dlq_partition, dlq_offset, original_topic, original_partition,
               original_offset, message_key, consumer_group, event_id, event_type, value, headers, error_message,
               error_class, attempts, failed_at, replay_of)
             VALUES ($18::uuid, $1, $2, $3::bigint, $4, $5::int, $6::bigint, $7, $8, $9, $10, $11, $12::jsonb,
               $13, $14, $15, $16::timestamptz, $17::uuid)
             ON CONFLICT (id) DO NOTHING`,
            ...values,
            id,
          );
          if (inserted > 0) this.stored += 1;
          this.options.logger.info('dead letter stored', { errorClass: values[13], originalTopic: values[3] });
          return;
        } catch (error) {
          if (isConnectionProblem(error) || !(await databaseAnswers(this.options.database))) {
            await waitForDatabase({
              database: this.options.database,
              heartbeat: payload.heartbeat,
              isStopping: () => this.stopping,
              logger: this.options.logger,
              context: {},
            });
            continue;
          }
          if (fallback) throw error; // not even the bare row fits: a bug in this store; kafkajs retries and logs it
          // Something in the headers or texts cannot be stored: keep the message (its bytes and origin) rather than
          // block the dead-letter partition behind it.
          this.options.logger.error('dead letter not storable in full; storing its bytes without headers', { error });
          fallback = true;
          values[11] = '{}';
          values[12] = `stored without its headers and error text: ${storableText((error as Error).message).slice(0, 500)}`;
          for (const index of [6, 7, 8, 9]) values[index] = null;
          values[15] = new Date(Number(message.timestamp) || Date.now()).toISOString();
        }
      }
    });
  }
}
