import { randomUUID } from 'node:crypto';
import { headerNames } from '@food/contracts';
import type { Logger } from '@food/service-kit';
import type { Message } from 'kafkajs';
import type { ConsumedRecord } from './consumed-record.js';
import {
  deadLetterId,
  deadLetterMessage,
  defaultMaxRecordBytes,
  messageBytes,
  truncatedDeadLetterMessage,
  type DeadLetterFacts,
} from './dead-letter-message.js';
import {
  envelopeIdentity,
  headersAsText,
  insertDeadLetter,
  type DeadLetterRow,
} from './dead-letter-row.js';
import { eventsDeadLetteredTotal, oversizedDeadLettersTotal } from './metrics.js';
import { namespaced, withoutNamespace } from './namespace.js';
import type { PartitionControl } from './partition-control.js';
import type { RenewableProducer } from './renewable-producer.js';
import type { SqlClient } from './sql-client.js';
import { ConsumerStopping } from './wait-for-database.js';
import { writeToOutbox } from './write-outbox.js';

export interface DeadLetterSinkOptions {
  producer: Pick<RenewableProducer, 'send'>;
  namespace: string;
  /** The service's `<service>.failed.dlq`, before namespacing. */
  deadLetterTopic: string;
  database: SqlClient;
  logger: Logger;
  maxRecordBytes?: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function replayOfHeader(record: ConsumedRecord): string | null {
  const text = record.headers[headerNames.replayOf];
  return text && uuidPattern.test(text) ? text : null;
}

function isTooLarge(error: unknown): boolean {
  const { type, message } = error as { type?: unknown; message?: unknown };
  return (
    type === 'MESSAGE_TOO_LARGE' ||
    (typeof message === 'string' && /too large|MESSAGE_TOO_LARGE/i.test(message))
  );
}

/**
 * Where failed messages go: the service's dead-letter topic, always. A message whose copy would pass the broker's
 * size limit is stored in full in `dead_letter` first and published as a truncated copy under the same id (the
 * store keeps the full row); a topic that cannot be written pauses the partition until it can, never drops.
 */
export class DeadLetterSink {
  private readonly topic: string;
  private readonly maxRecordBytes: number;

  constructor(private readonly options: DeadLetterSinkOptions) {
    this.topic = namespaced(options.namespace, options.deadLetterTopic);
    this.maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  }

  /** Publishes the dead letter of a message that failed (its transaction rolled back); returns once it is on the topic. */
  async publish(
    record: ConsumedRecord,
    facts: DeadLetterFacts,
    control: PartitionControl,
  ): Promise<void> {
    let message = await this.messageThatFits(this.options.database, record, facts);
    let delayMs = 250;
    for (;;) {
      try {
        await this.options.producer.send({ topic: this.topic, acks: -1, messages: [message] });
        control.paused(null);
        this.count(record, facts);
        return;
      } catch (error) {
        if (isTooLarge(error) && !this.isTruncated(message)) {
          message = await this.storeInFull(this.options.database, record, facts);
          continue;
        }
        if (control.isStopping())
          throw new ConsumerStopping('stopping while a dead letter waits to be published');
        const reason = `dead-letter topic ${this.topic} cannot be written: ${(error as Error).message}`;
        control.paused(reason);
        this.options.logger.warn('dead-letter publish failed; the partition waits and retries', {
          error,
          retryInMs: delayMs,
        });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        await control.heartbeat();
        delayMs = Math.min(delayMs * 2, 5000);
      }
    }
  }

  /**
   * Writes the dead letter of a message its handler rejected into the handler's own transaction (through the
   * outbox), so the rejection and what the handler recorded about it commit together.
   */
  async writeInTransaction(
    tx: SqlClient,
    record: ConsumedRecord,
    facts: DeadLetterFacts,
  ): Promise<void> {
    const message = await this.messageThatFits(tx, record, facts);
    await writeToOutbox(tx, [
      {
        eventId: randomUUID(),
        topic: this.options.deadLetterTopic,
        key: message.key as Buffer | null,
        value: (message.value as Buffer | null) ?? Buffer.alloc(0),
        headers: headersAsText(message.headers),
      },
    ]);
    this.count(record, facts);
  }

  /** The dead letter as a message; when too large for the topic, stored in full and published as a truncated copy. */
  private async messageThatFits(database: SqlClient, record: ConsumedRecord, facts: DeadLetterFacts): Promise<Message> {
    const message = deadLetterMessage(record, facts);
    if (messageBytes(message) <= this.maxRecordBytes) return message;
    return this.storeInFull(database, record, facts);
  }

  private isTruncated(message: Message): boolean {
    return message.value === null && message.headers?.[headerNames.deadLetter.truncated] === 'true';
  }

  private async storeInFull(
    database: SqlClient,
    record: ConsumedRecord,
    facts: DeadLetterFacts,
  ): Promise<Message> {
    const { eventId, eventType } = envelopeIdentity(record.value);
    const truncated = truncatedDeadLetterMessage(record, facts);
    const row: DeadLetterRow = {
      id: deadLetterId(record, facts),
      dlqTopic: this.topic,
      dlqPartition: -1,
      dlqOffset: '-1',
      originalTopic: withoutNamespace(this.options.namespace, facts.originalTopic),
      originalPartition: record.partition,
      originalOffset: record.offset,
      key: record.key,
      consumerGroup: facts.consumerGroup,
      eventId,
      eventType,
      value: record.value ?? Buffer.alloc(0),
      headers: { ...headersAsText(record.rawHeaders), ...headersAsText(truncated.headers) },
      errorMessage: facts.errorMessage.slice(0, 2000),
      errorClass: facts.errorClass,
      attempts: facts.attempts,
      failedAt: new Date().toISOString(),
      replayOf: replayOfHeader(record),
    };
    await insertDeadLetter(database, row);
    oversizedDeadLettersTotal.inc({ topic: record.topic });
    this.options.logger.warn(
      'dead letter too large for the topic: stored in full, a truncated copy published',
      {
        sizeBytes: record.sizeBytes,
        deadLetterId: row.id,
      },
    );
    return truncated;
  }

  private count(record: ConsumedRecord, facts: DeadLetterFacts): void {
    eventsDeadLetteredTotal.inc({ topic: record.topic, error_class: facts.errorClass });
  }
}
