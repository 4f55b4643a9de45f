import { describe, expect, it } from 'vitest';
import { ProviderUnavailable } from './payment-provider.js';
import { createSimulatedProvider, simulatedAmountLimitCents } from './simulated-provider.js';

const request = { orderId: '7d1b8a5e-1111-4a4a-9999-000000000001', amountCents: 1950, currency: 'EUR', paymentMethod: 'tok_visa' };

describe('simulated payment provider', () => {
  const provider = createSimulatedProvider(async () => false);

  it('captures a normal payment with a reference stable per order', async () => {
    const first = await provider.charge(request);
    expect(first).toMatchObject({ status: 'captured' });
    expect(await provider.charge(request)).toEqual(first);
  });

  it.each([
    ['tok_decline', request.amountCents, 'CARD_DECLINED'],
    ['tok_insufficient_funds', request.amountCents, 'INSUFFICIENT_FUNDS'],
    ['tok_visa', simulatedAmountLimitCents + 1, 'AMOUNT_OVER_LIMIT'],
  ])('declines %s for %i cents with %s', async (paymentMethod, amountCents, reason) => {
    expect(await provider.charge({ ...request, paymentMethod, amountCents })).toMatchObject({ status: 'declined', reason });
  });

  it('throws a transient error in outage mode', async () => {
    const down = createSimulatedProvider(async () => true);
    await expect(down.charge(request)).rejects.toBeInstanceOf(ProviderUnavailable);
  });
});
