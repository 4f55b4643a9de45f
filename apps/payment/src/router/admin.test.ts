import { randomUUID } from 'node:crypto';
import { signedInUser } from '@food/service-kit';
import { outcomeOf } from '@food/service-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startPaymentRouterTest } from '../testing/payment-test-harness.js';

const test = await startPaymentRouterTest('router');
afterAll(() => test.close());

const customer = signedInUser('CUSTOMER');
const admin = signedInUser('ADMIN');

async function storedPayment(userId: string, status: 'CAPTURED' | 'DECLINED') {
  return test.db.payment.create({
    data: { id: randomUUID(), orderId: randomUUID(), userId, amountCents: 1950, currency: 'EUR', status, paymentMethod: 'tok_visa' },
  });
}

describe('payment procedures', () => {
  it('are for admins only: a customer is FORBIDDEN, an anonymous caller UNAUTHORIZED', async () => {
    expect(await outcomeOf(test.as(customer).adminList({}))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(customer).providerStatus())).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(customer).setProviderOutage({ enabled: true }))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(customer).deadLetters.list({}))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(null).adminList({}))).toBe('UNAUTHORIZED');
    expect((await test.as(admin).providerStatus()).outage).toBe(false);
  });

  it('list payments filtered by customer and status, newest first, a page at a time', async () => {
    const payer = signedInUser('CUSTOMER');
    const declined = await storedPayment(payer.userId, 'DECLINED');
    const captured = await storedPayment(payer.userId, 'CAPTURED');
    await storedPayment(customer.userId, 'CAPTURED');
    const all = await test.as(admin).adminList({ userId: payer.userId });
    expect(all.items.map((item) => item.id).sort()).toEqual([declined.id, captured.id].sort());
    const onlyCaptured = await test.as(admin).adminList({ userId: payer.userId, status: 'CAPTURED' });
    expect(onlyCaptured.items.map((item) => item.id)).toEqual([captured.id]);
    const firstPage = await test.as(admin).adminList({ userId: payer.userId, limit: 1 });
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.nextCursor).not.toBeNull();
  });

  it('refuse input outside their schema', async () => {
    expect(await outcomeOf(test.as(admin).adminList({ status: 'REFUNDED' as never }))).toBe('BAD_REQUEST');
    expect(await outcomeOf(test.as(admin).adminList({ limit: 1000 }))).toBe('BAD_REQUEST');
    expect(await outcomeOf(test.as(admin).setProviderOutage({ enabled: 'yes' as never }))).toBe('BAD_REQUEST');
  });

  it('switch the provider’s outage mode, recording who did it and when (the context’s clock)', async () => {
    const switchedAt = new Date('2026-11-30T09:30:00.000Z');
    test.clock.set(switchedAt);
    const status = await test.as(admin).setProviderOutage({ enabled: true });
    expect(status).toEqual({ outage: true, updatedBy: admin.email, updatedAt: switchedAt.toISOString() });
    expect(await test.as(admin).providerStatus()).toMatchObject({ outage: true, updatedBy: admin.email });
    await test.as(admin).setProviderOutage({ enabled: false });
    expect((await test.as(admin).providerStatus()).outage).toBe(false);
  });

  it('answer NOT_FOUND for a dead letter that does not exist', async () => {
    expect(await outcomeOf(test.as(admin).deadLetters.get({ id: randomUUID() }))).toBe('NOT_FOUND');
  });
});
