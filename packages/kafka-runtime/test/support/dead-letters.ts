import { randomUUID } from 'node:crypto';
import type { DeadLetterRow } from '../../src/index.js';

/** A stored dead letter of the ledger's consumer, with what a test cares about overridden. */
export function deadLetter(overrides: Partial<DeadLetterRow>): DeadLetterRow {
  return {
    id: randomUUID(),
    dlqTopic: 'ledger.failed.dlq',
    dlqPartition: 0,
    dlqOffset: String(Math.floor(Math.random() * 1e9)),
    originalTopic: 'ledger.credited',
    originalPartition: 0,
    originalOffset: '1',
    key: Buffer.from(randomUUID()),
    consumerGroup: 'ledger',
    eventId: randomUUID(),
    eventType: 'ledger.credited',
    value: Buffer.from('{}'),
    headers: {},
    errorMessage: 'boom',
    errorClass: 'HANDLER_FAILED',
    attempts: 3,
    failedAt: new Date().toISOString(),
    replayOf: null,
    ...overrides,
  };
}
