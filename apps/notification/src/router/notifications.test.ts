import { randomUUID } from 'node:crypto';
import { signedInUser } from '@food/service-kit';
import { outcomeOf } from '@food/service-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { recordNotification } from '../notifications/record-notification.js';
import { startNotificationRouterTest } from '../testing/notification-test-harness.js';

const test = await startNotificationRouterTest('router');
afterAll(() => test.close());

const admin = signedInUser('ADMIN');

async function storedNotification(userId: string) {
  return test.db.notification.create({
    data: { id: randomUUID(), userId, orderId: randomUUID(), eventId: randomUUID(), kind: 'ORDER_CONFIRMED', title: 'Order confirmed', body: 'On its way.' },
  });
}

describe('a customer’s notifications', () => {
  it('are listed and counted for that customer only', async () => {
    const customer = signedInUser('CUSTOMER');
    const other = signedInUser('CUSTOMER');
    const own = await storedNotification(customer.userId);
    const others = await storedNotification(other.userId);
    const listed = await test.as(customer).list({});
    expect(listed.items.map((item) => item.id)).toEqual([own.id]);
    expect(listed.items.map((item) => item.id)).not.toContain(others.id);
    expect(await test.as(customer).unreadCount()).toEqual({ unread: 1 });
  });

  it('are marked read at the context’s time; another customer’s ids are ignored, not marked', async () => {
    const customer = signedInUser('CUSTOMER');
    const other = signedInUser('CUSTOMER');
    const own = await storedNotification(customer.userId);
    const others = await storedNotification(other.userId);
    const readAt = new Date('2026-11-30T10:00:00.000Z');
    test.clock.set(readAt);
    expect(await test.as(customer).markRead({ ids: [own.id, others.id] })).toEqual({ marked: 1, unread: 0 });
    expect((await test.db.notification.findUniqueOrThrow({ where: { id: own.id } })).readAt).toEqual(readAt);
    expect((await test.db.notification.findUniqueOrThrow({ where: { id: others.id } })).readAt).toBeNull();
    expect(await test.as(other).unreadCount()).toEqual({ unread: 1 });
  });

  it('need a signed-in caller, and ids that are ids', async () => {
    expect(await outcomeOf(test.as(null).list({}))).toBe('UNAUTHORIZED');
    expect(await outcomeOf(test.as(null).markRead({}))).toBe('UNAUTHORIZED');
    const customer = signedInUser('CUSTOMER');
    expect(await outcomeOf(test.as(customer).markRead({ ids: ['not-a-uuid'] }))).toBe('BAD_REQUEST');
    expect(await outcomeOf(test.as(customer).markRead({ ids: [] }))).toBe('BAD_REQUEST');
    expect(await outcomeOf(test.as(customer).list({ limit: 0 }))).toBe('BAD_REQUEST');
  });
});

describe('admin procedures', () => {
  it('refuse a customer with FORBIDDEN and let an admin list anyone’s notifications', async () => {
    const customer = signedInUser('CUSTOMER');
    const own = await storedNotification(customer.userId);
    expect(await outcomeOf(test.as(customer).adminList({}))).toBe('FORBIDDEN');
    expect(await outcomeOf(test.as(customer).deadLetters.count({}))).toBe('FORBIDDEN');
    const listed = await test.as(admin).adminList({ userId: customer.userId });
    expect(listed.items.map((item) => item.id)).toEqual([own.id]);
  });
});

describe('the live feed', () => {
  it('brings a customer their own notifications once committed, and nobody else’s', async () => {
    const customer = signedInUser('CUSTOMER');
    const other = signedInUser('CUSTOMER');
    const feed = (await test.as(customer).feed())[Symbol.asyncIterator]();
    const first = feed.next();
    const record = (userId: string) =>
      test.db.$transaction((tx) =>
        recordNotification(tx, { eventId: randomUUID(), payload: { userId, orderId: randomUUID() } }, { kind: 'ORDER_CONFIRMED', title: 'Order confirmed', body: 'On its way.' }, 'CONFIRMED'),
      );
    await record(other.userId);
    await record(customer.userId);
    const { value } = await first;
    expect(value).toMatchObject({ userId: customer.userId, kind: 'ORDER_CONFIRMED', orderStatus: 'CONFIRMED' });
    await feed.return?.(undefined);
  });
});

describe('the admin feed', () => {
  it('brings an admin every customer’s notifications once committed; a customer is FORBIDDEN', async () => {
    expect(await outcomeOf(test.as(signedInUser('CUSTOMER')).adminFeed())).toBe('FORBIDDEN');
    const feed = (await test.as(admin).adminFeed())[Symbol.asyncIterator]();
    const first = feed.next();
    const somebody = signedInUser('CUSTOMER');
    await test.db.$transaction((tx) =>
      recordNotification(tx, { eventId: randomUUID(), payload: { userId: somebody.userId, orderId: randomUUID() } }, { kind: 'ORDER_CANCELLED', title: 'Order cancelled', body: 'Card declined.' }, 'CANCELLED'),
    );
    const { value } = await first;
    expect(value).toMatchObject({ userId: somebody.userId, kind: 'ORDER_CANCELLED', orderStatus: 'CANCELLED' });
    await feed.return?.(undefined);
  });
});
