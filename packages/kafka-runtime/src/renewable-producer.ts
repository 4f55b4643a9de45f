import type { Logger } from '@food/service-kit';
import type { Kafka, Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';
import { createIdempotentProducer } from './kafka-client.js';
import { needsNewProducerSession } from './producer-session-error.js';

/**
 * The runtime's idempotent producer (createIdempotentProducer), which takes a new producer id when the broker refuses
 * its session (needsNewProducerSession): the failed send still throws, and the caller's retry goes out under the
 * new id. Connects on first use; the outbox relay and every consumer's dead-letter sink publish through one.
 */
export class RenewableProducer {
  private producer: Producer;
  private connected = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    /** Who publishes, for the log line: "outbox relay", "dead-letter sink of <group>". */
    private readonly owner: string,
  ) {
    this.producer = createIdempotentProducer(kafka);
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return this.renewingOnSessionError((producer) => producer.send(record));
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.renewingOnSessionError((producer) => producer.sendBatch(batch));
  }

  async disconnect(): Promise<void> {
    this.connected = false;
    await this.producer.disconnect();
  }

  private async renewingOnSessionError(sending: (producer: Producer) => Promise<RecordMetadata[]>): Promise<RecordMetadata[]> {
    await this.connect();
    try {
      return await sending(this.producer);
    } catch (error) {
      if (needsNewProducerSession(error)) await this.renew();
      throw error;
    }
  }

  private async renew(): Promise<void> {
    this.logger.warn(`${this.owner}: the broker refused the producer session; taking a new producer id`);
    const old = this.producer;
    this.producer = createIdempotentProducer(this.kafka);
    this.connected = false;
    await old.disconnect().catch(() => undefined);
  }
}
