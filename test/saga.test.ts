import { randomUUID } from 'node:crypto';
import type { ApiClient } from '@food/api-client';
import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import { TRPCClientError } from '@trpc/client';
import { AssignerProtocol } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, newCustomer, orderInput, queryService, signInAdmin } from './support/customers.js';
import { openEventStream } from './support/sse.js';
import { asGateway, gatewayTrpcUrl, stackUrl, testStack } from './support/stack.js';

type SignedIn = Awaited<ReturnType<typeof signInAdmin>>;

const terminal = (client: ApiClient, orderId: string, timeoutMs = 30_000) =>
  eventually(
    async () => {
      const order = await client.order.get.query({ orderId });
      return order.status !== 'PENDING_PAYMENT' && order;
    },
    timeoutMs,
    `order ${orderId} to leave PENDING_PAYMENT`,
  );

const paymentsOf = (orderId: string) =>
  queryService<{ status: string; amount_cents: number }>('payment', 'SELECT status, amount_cents FROM payment WHERE order_id = $1', [orderId]);

async function errorCodeOf(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { code?: string } | undefined)?.code;
    throw error;
  }
}

describe('the order saga through the gateway', () => {
  let admin: SignedIn;

  beforeAll(async () => {
    admin = await signInAdmin();
  });
  afterAll(async () => {
    await admin.client.payment.setProviderOutage.mutate({ enabled: false });
  });

  it('happy path: the order is confirmed, paid once, and the customer is told', async () => {
    const customer = await newCustomer('happy');
    const created = await customer.client.order.create.mutate(orderInput());
    expect(created).toMatchObject({ status: 'PENDING_PAYMENT', totalCents: 2 * 950 + 650, currency: 'EUR' });

    const order = await terminal(customer.client, created.id);
    expect(order.status).toBe('CONFIRMED');
    expect(order.history.map((entry) => entry.status)).toEqual(['PENDING_PAYMENT', 'CONFIRMED']);
    expect(await paymentsOf(created.id)).toEqual([{ status: 'CAPTURED', amount_cents: 2550 }]);

    const notifications = await eventually(async () => {
      const { items } = await customer.client.notification.list.query({});
      return items.some((item) => item.kind === 'ORDER_CONFIRMED') && items;
    });
    // One notification per order: its outcome, from the order service (which checked the payment against the order).
    expect(notifications.map((item) => item.kind)).toEqual(['ORDER_CONFIRMED']);
    expect(notifications[0]?.body).toContain('€25.50');
  });

  it('forced decline: the order is cancelled with the reason, nothing is captured, the customer is told why', async () => {
    const customer = await newCustomer('declined');
    const created = await customer.client.order.create.mutate(orderInput({ paymentMethod: 'tok_decline' }));
    const order = await terminal(customer.client, created.id);
    expect(order).toMatchObject({ status: 'CANCELLED', cancellation: { reason: 'CARD_DECLINED' } });
    expect(await paymentsOf(created.id)).toEqual([{ status: 'DECLINED', amount_cents: 2550 }]);
    const cancelled = await eventually(async () => {
      const { items } = await customer.client.notification.list.query({});
      return items.find((item) => item.kind === 'ORDER_CANCELLED');
    });
    expect(cancelled.body).toContain('Your card was declined by the bank.');
    expect(cancelled.body).toContain('You have not been charged.');
  });

  it('outage: order.created ends in payment.failed.dlq after 3 attempts; after the outage a replay confirms it with one payment', async () => {
    const customer = await newCustomer('outage');
    await admin.client.payment.setProviderOutage.mutate({ enabled: true });
    let created;
    try {
      created = await customer.client.order.create.mutate(orderInput());
      const orderId = created.id;
      const letter = await eventually(async () => {
        const { items } = await admin.client.payment.deadLetters.list.query({ originalTopic: 'order.created', status: 'PENDING' });
        return items.find((item) => item.messageKey === orderId);
      }, 30_000, 'the dead letter of the order');
      expect(letter).toMatchObject({ attempts: 3, errorClass: 'HANDLER_FAILED', eventType: 'order.created' });
      expect(letter.errorMessage).toContain('simulated outage');
      expect((await customer.client.order.get.query({ orderId })).status).toBe('PENDING_PAYMENT');
      expect(await paymentsOf(orderId)).toEqual([]);

      await admin.client.payment.setProviderOutage.mutate({ enabled: false });
      const replay = await admin.client.payment.deadLetters.replay.mutate({ id: letter.id });
      expect(replay.replayed).toEqual([letter.id]);
      expect((await terminal(customer.client, orderId)).status).toBe('CONFIRMED');
      expect(await paymentsOf(orderId)).toHaveLength(1);

      const detail = await admin.client.payment.deadLetters.get.query({ id: letter.id });
      expect(detail.status).toBe('REPLAYED');
      expect(detail.history).toEqual([expect.objectContaining({ action: 'REPLAY', requestedBy: testStack().accounts.admin.email })]);
    } finally {
      await admin.client.payment.setProviderOutage.mutate({ enabled: false });
    }
  });

  it('idempotency: the same create twice is one order; a duplicated order.created is one payment', async () => {
    const customer = await newCustomer('idempotent');
    const input = orderInput();
    const [first, second] = await Promise.all([customer.client.order.create.mutate(input), customer.client.order.create.mutate(input)]);
    expect(second.id).toBe(first.id);
    const again = await customer.client.order.create.mutate(input);
    expect(again.id).toBe(first.id);
    expect((await customer.client.order.list.query({})).items).toHaveLength(1);
    expect(await errorCodeOf(customer.client.order.create.mutate({ ...input, deliveryAddress: '1 Other Road, Elsewhere' }))).toBe('CONFLICT');

    await terminal(customer.client, first.id);
    const [outboxRow] = await queryService<{ value: Buffer }>(
      'order',
      "SELECT value FROM outbox_event WHERE topic = 'order.created' AND message_key = convert_to($1, 'UTF8')",
      [first.id],
    );
    const envelope = JSON.parse(outboxRow!.value.toString()) as Record<string, unknown>;
    const kafka = createKafkaClient({ clientId: 'duplicate-test', brokers: testStack().kafkaBrokers.split(','), logger: createLogger('test', { level: 'error' }) });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: namespaced(testStack().kafkaNamespace, 'order.created'),
      messages: [
        { key: first.id, value: outboxRow!.value }, // the same event again
        { key: first.id, value: JSON.stringify({ ...envelope, eventId: randomUUID() }) }, // the same order, another event id
      ],
    });
    await producer.disconnect();
    await eventually(
      async () =>
        (await queryService<{ n: number }>('payment', "SELECT count(*)::int AS n FROM processed_event WHERE topic = 'order.created' AND event_id::text = $1", [
          envelope.eventId,
        ]))[0]?.n === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await paymentsOf(first.id)).toHaveLength(1);
  });

  it('scale-out: two payment instances share the partitions and every order is paid exactly once', async () => {
    const kafka = createKafkaClient({ clientId: 'group-test', brokers: testStack().kafkaBrokers.split(','), logger: createLogger('test', { level: 'error' }) });
    const groupId = namespaced(testStack().kafkaNamespace, 'payment');
    const partitionsOf = (assignment: Record<string, number[]>) => assignment[namespaced(testStack().kafkaNamespace, 'order.created')] ?? [];
    // Both instances have joined the group and hold partitions of order.created (one has 1, the other 2).
    const split = await eventually(async () => {
      const kafkaAdmin = kafka.admin();
      await kafkaAdmin.connect();
      try {
        const { groups } = await kafkaAdmin.describeGroups([groupId]);
        const members = groups[0]?.members ?? [];
        const counts = members
          .map((member) => partitionsOf(AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment ?? {}).length)
          .sort();
        return members.length === 2 && counts.join(',') === '1,2' && counts;
      } finally {
        await kafkaAdmin.disconnect();
      }
    }, 30_000, 'two payment instances sharing the partitions');
    expect(split).toEqual([1, 2]);

    const customer = await newCustomer('scale');
    const orders = await Promise.all(Array.from({ length: 24 }, () => customer.client.order.create.mutate(orderInput())));
    const ids = orders.map((order) => order.id);
    await eventually(
      async () => {
        const rows = await queryService<{ n: number }>('order', "SELECT count(*)::int AS n FROM customer_order WHERE id = ANY($1::uuid[]) AND status = 'CONFIRMED'", [ids]);
        return rows[0]?.n === ids.length;
      },
      60_000,
      'all 24 orders confirmed',
    );
    const payments = await queryService<{ order_id: string; n: number }>(
      'payment',
      'SELECT order_id::text, count(*)::int AS n FROM payment WHERE order_id = ANY($1::uuid[]) GROUP BY order_id',
      [ids],
    );
    expect(payments).toHaveLength(ids.length);
    expect(payments.every((row) => row.n === 1)).toBe(true);
  });

  it('access: customers see only their own orders and notifications, and cannot call admin or dead-letter procedures', async () => {
    const alice = await newCustomer('alice');
    const bob = await newCustomer('bob');
    const bobsOrder = await bob.client.order.create.mutate(orderInput());
    await terminal(bob.client, bobsOrder.id);
    expect(await errorCodeOf(alice.client.order.get.query({ orderId: bobsOrder.id }))).toBe('NOT_FOUND');
    expect((await alice.client.order.list.query({})).items).toEqual([]);
    expect((await alice.client.notification.list.query({})).items).toEqual([]);
    expect(await errorCodeOf(alice.client.notification.markRead.mutate({}))).toBeUndefined();
    expect((await bob.client.notification.unreadCount.query()).unread).toBeGreaterThan(0); // Alice's mark-all left Bob's alone

    for (const call of [
      () => alice.client.order.adminList.query({}),
      () => alice.client.order.adminTimeline.query({ orderId: bobsOrder.id }),
      () => alice.client.payment.adminList.query({}),
      () => alice.client.payment.setProviderOutage.mutate({ enabled: true }),
      () => alice.client.payment.deadLetters.list.query({}),
      () => alice.client.order.deadLetters.replayMatching.mutate({ filter: {} }),
      () => alice.client.notification.adminList.query({}),
    ]) {
      expect(await errorCodeOf(call())).toBe('FORBIDDEN');
    }
    expect((await admin.client.order.adminGet.query({ orderId: bobsOrder.id })).id).toBe(bobsOrder.id);
  });

  it('live feed: a customer sees their order confirmed as it happens, on either notification instance', async () => {
    const customer = await newCustomer('live');
    const token = await customer.session.accessToken();
    const headers = { authorization: `Bearer ${token}` };
    const viaGateway = await openEventStream(`${gatewayTrpcUrl()}/notification.feed`, headers);
    const viaSecondInstance = await openEventStream(`${stackUrl('notification-2')}/trpc/notification.feed`, {
      ...headers,
      ...asGateway(),
    });
    const adminFeed = await openEventStream(`${gatewayTrpcUrl()}/notification.adminFeed`, {
      authorization: `Bearer ${await admin.session.accessToken()}`,
    });
    const stranger = await openEventStream(`${gatewayTrpcUrl()}/notification.feed`, {
      authorization: `Bearer ${await (await newCustomer('stranger')).session.accessToken()}`,
    });
    try {
      const created = await customer.client.order.create.mutate(orderInput());
      const confirmedIn = (events: unknown[]) =>
        events.some((event) => JSON.stringify(event).includes(created.id) && JSON.stringify(event).includes('"orderStatus":"CONFIRMED"'));
      await eventually(async () => confirmedIn(viaGateway.events) && confirmedIn(viaSecondInstance.events), 30_000, 'the confirmation on both feeds');
      await eventually(async () => confirmedIn(adminFeed.events), 10_000, 'the confirmation on the admin feed');
      expect(stranger.events.some((event) => JSON.stringify(event).includes(created.id))).toBe(false);
    } finally {
      await Promise.all([viaGateway.close(), viaSecondInstance.close(), adminFeed.close(), stranger.close()]);
    }
  });

  it('admin: counts per status and the saga timeline of one order', async () => {
    const customer = await newCustomer('timeline');
    const created = await customer.client.order.create.mutate(orderInput({ paymentMethod: 'tok_decline' }));
    await terminal(customer.client, created.id);
    const counts = await admin.client.order.adminCounts.query({});
    expect(counts.CANCELLED).toBeGreaterThan(0);
    const timeline = await admin.client.order.adminTimeline.query({ orderId: created.id });
    expect(timeline.events.map((event) => [event.type, event.source])).toEqual([
      ['order.created', 'order'],
      ['payment.failed', 'payment'],
      ['order.cancelled', 'order'],
    ]);
    const filtered = await admin.client.order.adminList.query({ userId: customer.user.id });
    expect(filtered.items.map((order) => order.id)).toEqual([created.id]);
  });
});
