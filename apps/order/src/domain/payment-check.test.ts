import { describe, expect, it } from 'vitest';
import { paymentContradiction, type OrderFacts } from './payment-check.js';

const pending: OrderFacts = {
  status: 'PENDING_PAYMENT',
  userId: 'u1',
  totalCents: 950,
  currency: 'EUR',
  paymentId: null,
};
const paid = (paymentId: string, amountCents = 950) => ({
  kind: 'completed' as const,
  userId: 'u1',
  paymentId,
  amountCents,
  currency: 'EUR',
});

describe('a payment checked against its order', () => {
  it('accepts the matching payment of a pending order, and its redelivery once confirmed', () => {
    expect(paymentContradiction(pending, paid('p1'))).toBeNull();
    expect(
      paymentContradiction({ ...pending, status: 'CONFIRMED', paymentId: 'p1' }, paid('p1')),
    ).toBeNull();
  });

  it('refuses another amount, currency or customer', () => {
    expect(paymentContradiction(pending, paid('p1', 1))).toEqual({
      errorClass: 'PAYMENT_MISMATCH',
      reason: 'payment of EUR 0.01 for an order of EUR 9.50',
    });
    expect(paymentContradiction(pending, { ...paid('p1'), currency: 'USD' })?.errorClass).toBe(
      'PAYMENT_MISMATCH',
    );
    expect(paymentContradiction(pending, { ...paid('p1'), userId: 'u2' })?.errorClass).toBe(
      'PAYMENT_MISMATCH',
    );
    expect(paymentContradiction(pending, { kind: 'failed', userId: 'u2' })?.errorClass).toBe(
      'PAYMENT_MISMATCH',
    );
  });

  it('flags a second payment for a settled order', () => {
    expect(
      paymentContradiction({ ...pending, status: 'CONFIRMED', paymentId: 'p1' }, paid('p2'))
        ?.errorClass,
    ).toBe('DUPLICATE_PAYMENT');
    expect(paymentContradiction({ ...pending, status: 'CANCELLED' }, paid('p2'))?.errorClass).toBe(
      'DUPLICATE_PAYMENT',
    );
  });

  it('lets a late decline of a settled order pass to the transition rule (which ignores it)', () => {
    expect(
      paymentContradiction(
        { ...pending, status: 'CONFIRMED', paymentId: 'p1' },
        { kind: 'failed', userId: 'u1' },
      ),
    ).toBeNull();
  });
});
