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
export function deadLetterMessage(original: { key: Buffer | null; value: Buffer | null; headers?: IHeaders }, facts: DeadLetterFacts): Message {
  const dlq = headerNames.deadLetter;
  return {
    key: original.key,
    value: original.value,
    headers: {
      ...original.headers,
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
