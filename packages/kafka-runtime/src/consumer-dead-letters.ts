import { headerNames } from '@food/contracts';
import { withLogContext, type Logger } from '@food/service-kit';
import type { KafkaMessage } from 'kafkajs';
import type { RecordToApply, RecordToRefuse } from './classify-record.js';
import { readRecord, type ConsumedRecord } from './consumed-record.js';
import type { DeadLetterFailure } from './dead-letter-message.js';
import type { DeadLetterSink } from './dead-letter-sink.js';
import { untilDatabaseAnswers, type OutageWatch } from './database-outage.js';
import type { DeadLetterOne } from './event-applier.js';
import { recordHeadersIgnoredTotal } from './metrics.js';
import { namespaced, withoutNamespace } from './namespace.js';
import type { PartitionControl } from './partition-control.js';

const maxCorrelationIdLength = 200;

/**
 * How a consumer's records leave as dead letters: refused at the edge, given up on by the retry policy, or found
 * to kill the process. Each is stored and published through the sink, waiting out a database outage.
 */
export class ConsumerDeadLetters {
  constructor(
    private readonly deps: {
      namespace: string;
      groupId: string;
      logger: Logger;
      sink: DeadLetterSink;
      outages: OutageWatch;
      /** Counts a record that left as a dead letter, by the topic it was read from (before namespacing). */
      onDeadLettered: (sourceTopic: string) => void;
    },
  ) {}

  /** A record the edge refused (unreadable, unknown, malformed): dead-lettered with the reason, at once. */
  async refuse(
    item: RecordToRefuse,
    physicalTopic: string,
    control: PartitionControl,
  ): Promise<void> {
    const { record } = item;
    const correlationId = record.headers[headerNames.correlationId]?.slice(
      0,
      maxCorrelationIdLength,
    );
    await withLogContext(
      { topic: physicalTopic, partition: record.partition, offset: record.offset, correlationId },
      async () => {
        this.deps.logger.warn('record refused; dead-lettering it', { ...item.failure });
        await this.publish(record, item.originalTopic, physicalTopic, control, item.failure);
      },
    );
    this.deps.onDeadLettered(record.topic);
  }

  /** For the applier: an event its handler failed for good, dead-lettered back to the handler's topic. */
  forApplier(control: PartitionControl): DeadLetterOne {
    return (item: RecordToApply, failure: DeadLetterFailure) =>
      this.publish(
        item.record,
        namespaced(this.deps.namespace, item.handlerTopic),
        namespaced(this.deps.namespace, item.record.topic),
        control,
        failure,
      );
  }

  /** A message whose handling started `starts` times without finishing: the process died on it each time. */
  async killer(
    physicalTopic: string,
    partition: number,
    message: KafkaMessage,
    starts: number,
    control: PartitionControl,
  ): Promise<void> {
    const sourceTopic = withoutNamespace(this.deps.namespace, physicalTopic);
    const record = readRecord(sourceTopic, partition, message);
    this.deps.logger.error('message started repeatedly without finishing: dead-lettering it', {
      topic: physicalTopic,
      partition,
      offset: message.offset,
      starts,
    });
    await this.publish(record, physicalTopic, physicalTopic, control, {
      errorClass: 'KILLED_PROCESS',
      errorMessage: `started ${starts} times without finishing: the process stopped while handling it each time`,
      attempts: starts,
    });
    this.deps.onDeadLettered(sourceTopic);
  }

  /** Logs and counts what the edge ignored of a record's headers (null, binary, huge, repeated). */
  noteIgnoredHeaders(item: RecordToApply | RecordToRefuse): void {
    const { record } = item;
    if (record.notes.length === 0) return;
    recordHeadersIgnoredTotal.inc({ topic: record.topic });
    this.deps.logger.warn('record headers ignored', {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      notes: record.notes.slice(0, 10),
    });
  }

  private publish(
    record: ConsumedRecord,
    originalTopic: string,
    sourceTopic: string,
    control: PartitionControl,
    failure: DeadLetterFailure,
  ): Promise<void> {
    return untilDatabaseAnswers(this.deps.outages, control, () =>
      this.deps.sink.publish(
        record,
        { ...failure, originalTopic, sourceTopic, consumerGroup: this.deps.groupId },
        control,
      ),
    );
  }
}
