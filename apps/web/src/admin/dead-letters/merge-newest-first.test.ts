import { describe, expect, it } from 'vitest';
import type { DeadLetter } from './dead-letter-types';
import { mergeNewestFirst } from './merge-newest-first';

const letter = (id: string, failedAt: string): DeadLetter => ({
  id,
  failedAt,
  originalTopic: 'order.created',
  originalPartition: 0,
  originalOffset: '1',
  messageKey: null,
  consumerGroup: null,
  eventId: null,
  eventType: null,
  errorMessage: 'boom',
  errorClass: 'HANDLER_FAILED',
  attempts: 3,
  status: 'PENDING',
  replayOf: null,
  replayCount: 0,
  fingerprint: '0123456789abcdef0123456789abcdef',
});

describe('mergeNewestFirst', () => {
  it('interleaves the services newest first', () => {
    const { rows, heldBack } = mergeNewestFirst([
      {
        service: 'order',
        items: [letter('a', '2026-01-03T00:00:00.000Z'), letter('b', '2026-01-01T00:00:00.000Z')],
        hasMore: false,
      },
      { service: 'payment', items: [letter('c', '2026-01-02T00:00:00.000Z')], hasMore: false },
    ]);
    expect(rows.map((row) => `${row.service}:${row.id}`)).toEqual([
      'order:a',
      'payment:c',
      'order:b',
    ]);
    expect(heldBack).toBe(0);
  });

  it('holds back rows older than the last loaded row of a service that has more pages', () => {
    const { rows, heldBack } = mergeNewestFirst([
      {
        service: 'order',
        items: [letter('a', '2026-01-05T00:00:00.000Z'), letter('b', '2026-01-01T00:00:00.000Z')],
        hasMore: false,
      },
      {
        service: 'payment',
        items: [letter('c', '2026-01-04T00:00:00.000Z'), letter('d', '2026-01-03T00:00:00.000Z')],
        hasMore: true,
      },
    ]);
    expect(rows.map((row) => row.id)).toEqual(['a', 'c', 'd']);
    expect(heldBack).toBe(1);
  });

  it('keys rows by service, so equal ids in two queues stay apart', () => {
    const { rows } = mergeNewestFirst([
      { service: 'order', items: [letter('x', '2026-01-01T00:00:00.000Z')], hasMore: false },
      { service: 'notification', items: [letter('x', '2026-01-01T00:00:00.000Z')], hasMore: false },
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(2);
  });
});
