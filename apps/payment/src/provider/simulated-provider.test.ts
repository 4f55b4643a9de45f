import { describe, expect, it } from 'vitest';
import { ProviderUnavailable } from './payment-provider.js';
import { memoryLedger } from './provider-ledger.js';
import { createSimulatedProvider, simulatedAmountLimitCents } from './simulated-provider.js';

const orderId = '7d1b8a5e-1111-4a4a-9999-000000000001';
let keys = 0;
const running = { outage: false, crashAfterCapture: false };
const inOutage = { outage: true, crashAfterCapture: false };
const request = () => ({
  idempotencyKey: `key-${(keys += 1)}`,
  orderId,
  amountCents: 1950,
  currency: 'EUR',
  paymentMethod: 'tok_visa',
});

describe('simulated payment provider', () => {
  const ledger = memoryLedger();
  const provider = createSimulatedProvider(async () => running, ledger);

  it('captures a normal payment once per idempotency key: a repeat gets the first answer, nothing more is charged', async () => {
    const charge = request();
    const first = await provider.charge(charge);
    expect(first).toMatchObject({ status: 'captured' });
    expect(await provider.charge({ ...charge, amountCents: 1 })).toEqual(first);
    expect(ledger.entries.get(charge.idempotencyKey)).toEqual({ result: first, requests: 2 });
  });

  it.each([
    ['tok_decline', request.amountCents, 'CARD_DECLINED'],
    ['tok_insufficient_funds', request.amountCents, 'INSUFFICIENT_FUNDS'],
    ['tok_visa', simulatedAmountLimitCents + 1, 'AMOUNT_OVER_LIMIT'],
  ])('declines %s for %i cents with %s', async (paymentMethod, amountCents, reason) => {
    expect(await provider.charge({ ...request(), paymentMethod, amountCents })).toMatchObject({
      status: 'declined',
      reason,
    });
  });

  it('throws a transient error in outage mode, and records nothing', async () => {
    const empty = memoryLedger();
    const down = createSimulatedProvider(async () => inOutage, empty);
    await expect(down.charge(request())).rejects.toBeInstanceOf(ProviderUnavailable);
    expect(empty.entries.size).toBe(0);
  });

  it('answers a key it already answered even during an outage (the charge happened before it)', async () => {
    const charge = request();
    const first = await provider.charge(charge);
    const down = createSimulatedProvider(async () => inOutage, ledger);
    expect(await down.charge(charge)).toEqual(first);
  });
});

describe('the simulated provider’s crash-after-capture fault', () => {
  it('runs only when switched on, and only after a capture', async () => {
    let crashes = 0;
    const afterCapture = async () => void (crashes += 1);
    const armed = { outage: false, crashAfterCapture: true };
    await createSimulatedProvider(async () => running, memoryLedger(), { afterCapture }).charge(request());
    expect(crashes).toBe(0);
    const provider = createSimulatedProvider(async () => armed, memoryLedger(), { afterCapture });
    await provider.charge({ ...request(), paymentMethod: 'tok_decline' });
    expect(crashes).toBe(0);
    await provider.charge(request());
    expect(crashes).toBe(1);
  });
});
