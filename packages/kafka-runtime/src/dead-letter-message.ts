import { createHash } from 'node:crypto';
import { headerNames, type DeadLetterErrorClass } from '@food/contracts';
import type { IHeaders, Message } from 'kafkajs';

export interface DeadLetterFacts {
  originalTopic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  consumerGroup: string;
  errorMessage: string;
  errorClass: DeadLetterErrorClass;
  attempts: number;
}

/** The original message, unchanged, with headers that say where it came from and why it failed. */
/** A UUID-shaped identity derived from `parts`: the same parts always give the same id. */
export function deterministicUuid(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function deadLetterMessage(
  original: { key: Buffer | null; value: Buffer | null; headers?: IHeaders; timestamp: string },
  facts: DeadLetterFacts,
): Message {
  const dlq = headerNames.deadLetter;
  // Derived from where the failed message sat (and when it was written, since a recreated topic reuses offsets):
  // a consumer that dead-letters one message twice (a crash before its commit) produces one dead letter.
  const id = deterministicUuid(facts.consumerGroup, facts.originalTopic, facts.partition, facts.offset, original.timestamp);
  return {
    key: original.key,
    value: original.value,
    headers: {
      ...original.headers,
      [dlq.id]: id,
      [dlq.originalTopic]: facts.originalTopic,
      [dlq.originalPartition]: String(facts.partition),
      [dlq.originalOffset]: facts.offset,
      [dlq.originalKey]: facts.key?.toString('utf8') ?? '',
      [dlq.consumerGroup]: facts.consumerGroup,
      [dlq.errorMessage]: facts.errorMessage.slice(0, 2000),
      [dlq.errorClass]: facts.errorClass,
      [dlq.attempts]: String(facts.attempts),
      [dlq.failedAt]: new Date().toISOString(),
    },
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
