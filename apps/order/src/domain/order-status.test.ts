import { describe, expect, it } from 'vitest';
import { decideTransition } from './order-status.js';

describe('decideTransition', () => {
  it('moves a pending order to either terminal status', () => {
    expect(decideTransition('PENDING_PAYMENT', 'CONFIRMED')).toEqual({ apply: true });
    expect(decideTransition('PENDING_PAYMENT', 'CANCELLED')).toEqual({ apply: true });
  });

  it('never moves a terminal order, and says why', () => {
    expect(decideTransition('CONFIRMED', 'CANCELLED')).toEqual({ apply: false, reason: 'order is already CONFIRMED; CANCELLED ignored' });
    expect(decideTransition('CANCELLED', 'CONFIRMED')).toMatchObject({ apply: false });
    expect(decideTransition('CONFIRMED', 'CONFIRMED')).toMatchObject({ apply: false });
  });
});
