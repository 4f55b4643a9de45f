import { randomUUID } from 'node:crypto';
import { signedInUser } from '@food/service-kit';
import { outcomeOf } from '@food/service-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startOrderRouterTest } from '../testing/order-test-harness.js';

const test = await startOrderRouterTest('router');
afterAll(() => test.close());

const customer = signedInUser('CUSTOMER');
const otherCustomer = signedInUser('CUSTOMER');
const admin = signedInUser('ADMIN');

const orderInput = (overrides: Record<string, unknown> = {}) => ({
  restaurantId: 'trattoria-roma',
  items: [{ menuItemId: 'roma-margherita', quantity: 2 }],
  deliveryAddress: 'Via Roma 1, Milano',
  paymentMethod: 'tok_visa',
  idempotencyKey: `key-${randomUUID()}`,
  ...overrides,
});

describe('order.create', () => {
  it('prices the order from the menu, stamps it with the context’s clock, and queues order.created in the outbox', async () => {
    const placedAt = new Date('2026-11-30T08:15:00.000Z');
    test.clock.set(placedAt);
    const order = await test.as(customer).create(orderInput());
    expect(order).toMatchObject({ userId: customer.userId, status: 'PENDING_PAYMENT', totalCents: 1900, currency: 'EUR' });
    expect(order.createdAt).toBe(placedAt.toISOString());
    const outbox = await test.db.$queryRaw<Array<{ topic: string }>>`SELECT topic FROM outbox_event WHERE message_key = ${order.id}`;
    expect(outbox.map((row) => row.topic)).toEqual(['order.created']);
  });

  it('answers a repeated create with the same order, and a different order under a used key with CONFLICT', async () => {
    const input = orderInput();
    const first = await test.as(customer).create(input);
    expect((await test.as(customer).create(input)).id).toBe(first.id);
    expect(await outcomeOf(test.as(customer).create({ ...input, deliveryAddress: 'Somewhere else 2' }))).toBe('CONFLICT');
  });

  it('refuses invalid input before it touches the database', async () => {
    expect(await outcomeOf(test.as(customer).create(orderInput({ items: [] })))).toBe('BAD_REQUEST');
    expect(await outcomeOf(test.as(customer).create(orderInput({ paymentMethod: '4111 1111 1111 1111' })))).toBe('BAD_REQUEST');
    expect(await outcomeOf(test.as(customer).create(orderInput({ items: [{ menuItemId: 'roma-margherita', quantity: 100 }] })))).toBe('BAD_REQUEST');
    expect(await outcomeOf(test.as(customer).create(orderInput({ restaurantId: 'no-such-restaurant' })))).toBe('BAD_REQUEST');
  });

  it('refuses an anonymous caller', async () => {
    expect(await outcomeOf(test.as(null).create(orderInput()))).toBe('UNAUTHORIZED');
  });
});

describe('another customer’s order', () => {
  it('is not found by get, not listed, and not found by its idempotency key', async () => {
    const input = orderInput();
    const order = await test.as(customer).create(input);
    expect(await outcomeOf(test.as(otherCustomer).get({ orderId: order.id }))).toBe('NOT_FOUND');
    const listed = await test.as(otherCustomer).list({});
    expect(listed.items.map((item) => item.id)).not.toContain(order.id);
    expect(await test.as(otherCustomer).findByIdempotencyKey({ idempotencyKey: input.idempotencyKey })).toEqual({ orderId: null });
    expect((await test.as(customer).get({ orderId: order.id })).id).toBe(order.id);
  });
});

describe('admin procedures', () => {
  it('refuse a customer with FORBIDDEN and an anonymous caller with UNAUTHORIZED', async () => {
    expect(await outcomeOf(test.as(customer).adminList({}))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(customer).adminCounts({}))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(customer).deadLetters.list({}))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(null).adminList({}))).toBe('UNAUTHORIZED');
  });

  it('let an admin read any customer’s order and filter the list by customer', async () => {
    const order = await test.as(customer).create(orderInput());
    expect((await test.as(admin).adminGet({ orderId: order.id })).userId).toBe(customer.userId);
    const listed = await test.as(admin).adminList({ userId: customer.userId });
    expect(listed.items.every((item) => item.userId === customer.userId)).toBe(true);
    expect(listed.items.map((item) => item.id)).toContain(order.id);
    expect(await outcomeOf(test.as(admin).adminGet({ orderId: randomUUID() }))).toBe('NOT_FOUND');
    expect(await outcomeOf(test.as(admin).adminGet({ orderId: 'not-a-uuid' }))).toBe('BAD_REQUEST');
  });

  it('read the dead letters from the database in their context', async () => {
    expect(await test.as(admin).deadLetters.count({})).toMatchObject({ total: 0 });
  });
});

describe('order.menu', () => {
  it('answers anyone with the seeded menu', async () => {
    const menu = await test.as(null).menu();
    expect(JSON.stringify(menu)).toContain('roma-margherita');
  });
});

describe('order.adminTimeline', () => {
  it('shows an admin an order’s saga so far; a customer is FORBIDDEN and an unknown order NOT_FOUND', async () => {
    const order = await test.as(customer).create(orderInput());
    const timeline = await test.as(admin).adminTimeline({ orderId: order.id });
    expect(timeline.order).toMatchObject({ id: order.id, userId: customer.userId, status: 'PENDING_PAYMENT' });
    expect(timeline.events).toMatchObject([{ type: 'order.created', source: 'order', status: 'PENDING_PAYMENT' }]);
    expect(await outcomeOf(test.as(customer).adminTimeline({ orderId: order.id }))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(admin).adminTimeline({ orderId: randomUUID() }))).toBe('NOT_FOUND');
  });
});
