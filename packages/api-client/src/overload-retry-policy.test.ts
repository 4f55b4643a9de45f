import { describe, expect, it } from 'vitest';
import { isSafeToRepeat, parseRetryAfter, retryDelayMs } from './overload-retry-policy.js';

describe('isSafeToRepeat', () => {
  it('repeats queries, and mutations only when they carry an idempotency key', () => {
    expect(isSafeToRepeat('query', undefined)).toBe(true);
    expect(isSafeToRepeat('mutation', { idempotencyKey: 'checkout-1234' })).toBe(true);
    expect(isSafeToRepeat('mutation', { email: 'a@example.test' })).toBe(false);
    expect(isSafeToRepeat('mutation', { idempotencyKey: '' })).toBe(false);
    expect(isSafeToRepeat('mutation', { idempotencyKey: 42 })).toBe(false);
    expect(isSafeToRepeat('mutation', undefined)).toBe(false);
    expect(isSafeToRepeat('mutation', null)).toBe(false);
    expect(isSafeToRepeat('subscription', { idempotencyKey: 'checkout-1234' })).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  const backoff = { baseDelayMs: 200, maxDelayMs: 10_000 };

  it('waits at least Retry-After, plus up to a step that doubles each retry', () => {
    expect(retryDelayMs(1, 1000, backoff, () => 0)).toBe(1000);
    expect(retryDelayMs(1, 1000, backoff, () => 1)).toBe(1400);
    expect(retryDelayMs(2, 1000, backoff, () => 1)).toBe(1800);
    expect(retryDelayMs(3, undefined, backoff, () => 0.5)).toBe(800);
  });

  it('caps the step at maxDelayMs', () => {
    expect(retryDelayMs(20, undefined, backoff, () => 1)).toBe(10_000);
    expect(retryDelayMs(20, 2000, backoff, () => 1)).toBe(12_000);
  });
});
