import { createHash } from 'node:crypto';
import { headerNames, type DeadLetterErrorClass } from '@food/contracts';
import type { IHeaders, Message } from 'kafkajs';
import type { ConsumedRecord } from './consumed-record.js';

export interface DeadLetterFailure {
  errorClass: DeadLetterErrorClass;
  errorMessage: string;
  attempts: number;
}

export interface DeadLetterFacts extends DeadLetterFailure {
  /** The topic the message goes back to on replay (namespaced, as consumed). */
  originalTopic: string;
  /** The topic it was read from (the original topic, or the service's replay topic). */
  sourceTopic: string;
  consumerGroup: string;
}

/**
 * Records the broker takes: its default limit is 1,048,588 bytes for a whole batch; this leaves room for the
 * batch's and record's own framing.
 */
export const defaultMaxRecordBytes = 1_000_000;

/** Keys longer than this are not repeated on a truncated copy (the full key is in the stored row). */
const maxTruncatedKeyBytes = 1024;

/** A UUID-shaped identity derived from `parts`: the same parts always give the same id. */
export function deterministicUuid(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A dead letter's identity, from where the failed message sat and when it was written (a recreated topic reuses
 * offsets): a consumer that dead-letters one message twice (a crash before its commit) produces one dead letter.
 */
export function deadLetterId(record: ConsumedRecord, facts: DeadLetterFacts): string {
  return deterministicUuid(
    facts.consumerGroup,
    facts.sourceTopic,
    record.partition,
    record.offset,
    record.timestamp,
  );
}

function factHeaders(record: ConsumedRecord, facts: DeadLetterFacts): Record<string, string> {
  const dlq = headerNames.deadLetter;
  return {
    [dlq.id]: deadLetterId(record, facts),
    [dlq.originalTopic]: facts.originalTopic,
    [dlq.originalPartition]: String(record.partition),
    [dlq.originalOffset]: record.offset,
    [dlq.consumerGroup]: facts.consumerGroup,
    [dlq.errorMessage]: facts.errorMessage.slice(0, 2000),
    [dlq.errorClass]: facts.errorClass,
    [dlq.attempts]: String(facts.attempts),
    [dlq.failedAt]: new Date().toISOString(),
  };
}

/**
 * The original's headers as kafkajs can write them: a header without a value (legal in Kafka, but kafkajs's
 * producer throws on one) is left out, and its name listed in `x-dlq-null-headers`.
 */
function writableHeaders(headers: IHeaders): IHeaders {
  const writable: IHeaders = {};
  const withoutValue: string[] = [];
  for (const name of Object.keys(headers)) {
    const given: unknown = headers[name];
    const values = (Array.isArray(given) ? (given as unknown[]) : [given]).filter(
      (value): value is Buffer | string => Buffer.isBuffer(value) || typeof value === 'string',
    );
    if (values.length === 0) withoutValue.push(name);
    else writable[name] = values.length === 1 ? values[0] : values;
  }
  if (withoutValue.length > 0)
    writable[headerNames.deadLetter.nullHeaders] = withoutValue.join(',').slice(0, 2000);
  return writable;
}

/** The original message, unchanged (key, value, every header as it came), with headers saying where it failed and why. */
export function deadLetterMessage(record: ConsumedRecord, facts: DeadLetterFacts): Message {
  return {
    key: record.key,
    value: record.value,
    headers: { ...writableHeaders(record.rawHeaders), ...factHeaders(record, facts) },
  };
}

/**
 * The copy published when the full dead letter would pass the broker's limit: the facts only, marked truncated.
 * The full record (key, value, headers) is stored in the service's `dead_letter` table first, under the same id.
 */
export function truncatedDeadLetterMessage(
  record: ConsumedRecord,
  facts: DeadLetterFacts,
): Message {
  const dlq = headerNames.deadLetter;
  return {
    key: record.key && record.key.length <= maxTruncatedKeyBytes ? record.key : null,
    value: null,
    headers: {
      ...factHeaders(record, facts),
      [dlq.truncated]: 'true',
      [dlq.originalBytes]: String(record.sizeBytes),
    },
  };
}

function byteLength(value: unknown): number {
  if (Buffer.isBuffer(value)) return value.length;
  if (typeof value === 'string') return Buffer.byteLength(value);
  return 0;
}

/** The bytes a message puts on the wire, close enough to compare with the broker's limit. */
export function messageBytes(message: Message): number {
  const headers: IHeaders = message.headers ?? {};
  let size = byteLength(message.key) + byteLength(message.value) + 64;
  for (const name of Object.keys(headers)) {
    const given = headers[name];
    for (const value of Array.isArray(given) ? given : [given])
      size += Buffer.byteLength(name) + byteLength(value) + 8;
  }
  return size;
}
