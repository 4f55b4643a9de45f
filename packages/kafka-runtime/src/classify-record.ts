import { headerNames, type EventCatalog, type EventEnvelope } from '@food/contracts';
import type { KafkaMessage } from 'kafkajs';
import { readRecord, startingAttempt, type ConsumedRecord } from './consumed-record.js';
import type { DeadLetterFailure } from './dead-letter-message.js';
import { decodeEvent } from './decode-event.js';
import { namespaced } from './namespace.js';

/** A record this service can apply: the handler's topic, the decoded event and the attempt it starts at. */
export interface RecordToApply {
  kind: 'apply';
  record: ConsumedRecord;
  handlerTopic: string;
  event: EventEnvelope;
  attempt: number;
}

/** A record no retry can apply: it leaves the partition as a dead letter of `failure`. */
export interface RecordToRefuse {
  kind: 'refuse';
  record: ConsumedRecord;
  /** Namespaced: the topic a replay of it goes back to. */
  originalTopic: string;
  failure: DeadLetterFailure;
}

export interface ClassifyOptions {
  namespace: string;
  catalog: EventCatalog;
  /** The topics this service has handlers for, before namespacing. */
  handledTopics: ReadonlySet<string>;
  replayTopic: string | undefined;
  maxAttempts: number;
}

/**
 * The decode step: reads a record at the edge, finds the handler it is for (its own topic's, or for a replay the
 * one `x-replay-topic` names) and decodes its event. Nothing here throws on what the record holds; what cannot be
 * applied becomes a refusal that says why.
 */
export function classifyRecord(
  options: ClassifyOptions,
  sourceTopic: string,
  physicalTopic: string,
  partition: number,
  message: KafkaMessage,
): RecordToApply | RecordToRefuse {
  const record = readRecord(sourceTopic, partition, message);
  try {
    const attempt = startingAttempt(record.headers, options.maxAttempts, record.notes);
    const named =
      record.topic === options.replayTopic ? record.headers[headerNames.replayTopic] : record.topic;
    const handlerTopic =
      named !== undefined && options.handledTopics.has(named) ? named : undefined;
    if (!handlerTopic) {
      return refuse(record, physicalTopic, {
        errorClass: 'INVALID_REPLAY',
        errorMessage: `a replay must name, in ${headerNames.replayTopic}, a topic this service consumes (${[...options.handledTopics].join(', ')})`,
        attempts: 1,
      });
    }
    const originalTopic = namespaced(options.namespace, handlerTopic);
    const decoded = decodeEvent(handlerTopic, record.value, options.catalog);
    if (!decoded.ok) {
      return refuse(record, originalTopic, {
        errorClass: decoded.errorClass,
        errorMessage: decoded.message,
        attempts: 1,
      });
    }
    return { kind: 'apply', record, handlerTopic, event: decoded.event, attempt };
  } catch (error) {
    // A defect outside the handler: the record still leaves the partition, as a dead letter that says so.
    return refuse(record, physicalTopic, {
      errorClass: 'UNREADABLE_RECORD',
      errorMessage: `${(error as Error).name}: ${(error as Error).message}`,
      attempts: 1,
    });
  }
}

function refuse(
  record: ConsumedRecord,
  originalTopic: string,
  failure: DeadLetterFailure,
): RecordToRefuse {
  return { kind: 'refuse', record, originalTopic, failure };
}
