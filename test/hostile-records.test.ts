import { randomUUID } from 'node:crypto';
import { headerNames, type HealthReport } from '@food/contracts';
import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import type { IHeaders, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAllowingNullHeaders } from '../packages/kafka-runtime/test/support/null-headers.js';
import { eventually, newCustomer, orderInput, queryService, signInAdmin } from './support/customers.js';
import {
  generateHostileRecords,
  hostileHeader,
  type ConsumingService,
  type HostileRecord,
} from './support/hostile-records.js';
import { sampleEnvelope, samplePayload } from './support/sample-events.js';
import { settledOrders } from './support/settled-orders.js';
import { stackUrl, testStack } from './support/stack.js';

/** `npm test` writes a few thousand; `npm run hostile-records` (HOSTILE_RECORDS=20000) the long form. */
const recordCount = Number(process.env.HOSTILE_RECORDS ?? 3000);
const instances = ['order', 'payment', 'payment-2', 'notification', 'notification-2'];
const namespace = testStack().kafkaNamespace;
const kafka = createKafkaClient({
  clientId: `hostile-records-${randomUUID().slice(0, 8)}`,
  brokers: testStack().kafkaBrokers.split(','),
  logger: createLogger('hostile-records-test', { level: 'error' }),
});
let producer: Producer;

beforeAll(async () => {
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
});
afterAll(async () => {
  await producer?.disconnect();
});

const send = (
  topic: string,
  messages: Array<{
    key: Buffer | string | null;
    value: Buffer | string | null;
    headers?: IHeaders;
  }>,
) =>
  sendAllowingNullHeaders(() =>
    producer.send({ topic: namespaced(namespace, topic), acks: -1, messages }),
  );

async function health(instance: string): Promise<HealthReport> {
  const service = instance.replace(/-\d+$/, '');
  const response = await fetch(`${stackUrl(instance)}/trpc/${service}.health`);
  return ((await response.json()) as { result: { data: HealthReport } }).result.data;
}

/** Every consumer, store and relay of every service instance is running and healthy, and none ever restarted. */
async function expectEveryLoopRunning() {
  for (const instance of instances) {
    const report = await eventually(
      async () => {
        const current = await health(instance);
        return current.status === 'ok' && current;
      },
      30_000,
      `${instance} healthy`,
    );
    const loops = report.loops ?? [];
    expect(loops.length, `${instance} reports its loops`).toBeGreaterThan(0);
    for (const loop of loops) expect(loop, `${instance}: ${loop.name}`).toMatchObject({ ok: true });
    expect(
      loops.filter((loop) => (loop.restarts ?? 0) > 0),
      `${instance}: restarted consumers`,
    ).toEqual([]);
  }
}

/** Orders placed now, one per partition at least, all settle as they should within seconds. */
async function laterOrdersSettle(count = 6) {
  const customer = await newCustomer('after-hostile');
  const placed = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      customer.client.order.create.mutate(
        orderInput({ paymentMethod: index % 3 === 2 ? 'tok_decline' : 'tok_visa' }),
      ),
    ),
  );
  const ids = placed.map((order) => order.id);
  const rows = await settledOrders(ids, 'the orders placed afterwards to settle');
  expect(rows.filter((row) => row.status === 'CONFIRMED')).toHaveLength(
    count - Math.floor(count / 3),
  );
}

function deadLettersOf(service: ConsumingService, where: string, values: unknown[]) {
  return queryService<{
    id: string;
    error_class: string;
    attempts: number;
    value_bytes: number;
    headers: Record<string, string>;
  }>(
    service,
    `SELECT id::text, error_class, attempts, length(value) AS value_bytes, headers FROM dead_letter WHERE ${where}`,
    values,
  );
}

describe('the records that stopped the platform, written from outside', () => {
  const marker = () => ({ 'x-hostile-case': randomUUID() });

  it('a null header on payment.failed: read, handled, every consumer group running, later orders confirm', async () => {
    const headers = {
      ...marker(),
      traceparent: null,
      [headerNames.correlationId]: null,
    } as unknown as IHeaders;
    const orderId = randomUUID();
    const { json: value } = sampleEnvelope(
      'payment.failed',
      samplePayload('payment.failed', { orderId }),
    );
    await send('payment.failed', [{ key: orderId, value, headers }]);
    // The order service read it and refused it for what it is (no such order), instead of crashing on the header.
    const [letter] = await eventually(
      () =>
        deadLettersOf('order', 'message_key = $1', [orderId]).then(
          (rows) => rows.length > 0 && rows,
        ),
      20_000,
      'read',
    );
    expect(letter?.error_class).toBe('UNKNOWN_ORDER');
    await laterOrdersSettle();
    await expectEveryLoopRunning();
  });

  it('a value of 1,048,288 bytes on order.created: its dead letter is kept in full, nothing waits behind it', async () => {
    const key = `huge-${randomUUID()}`;
    await send('order.created', [
      { key, value: Buffer.alloc(1_048_288 - 200 - key.length, 0x7b), headers: marker() },
    ]);
    const [letter] = await eventually(
      () =>
        deadLettersOf('payment', 'message_key = $1', [key]).then((rows) => rows.length > 0 && rows),
      20_000,
      'stored',
    );
    expect(letter).toMatchObject({
      error_class: 'NOT_JSON',
      value_bytes: 1_048_288 - 200 - key.length,
    });
    expect(letter?.headers[headerNames.deadLetter.truncated]).toBe('true');
    await laterOrdersSettle();
    await expectEveryLoopRunning();
  });

  it('x-attempt 99999999999999999999 (and 4) on a valid order.created: charged once at attempt 1, not dead-lettered', async () => {
    const events = ['99999999999999999999', '4'].map((attempt) => {
      const orderId = randomUUID();
      const { eventId, json: value } = sampleEnvelope(
        'order.created',
        samplePayload('order.created', { orderId }),
      );
      return {
        orderId,
        eventId,
        message: { key: orderId, value, headers: { [headerNames.attempt]: attempt } },
      };
    });
    await send(
      'order.created',
      events.map((event) => event.message),
    );
    const processed = await eventually(
      async () => {
        const rows = await queryService<{ attempts: number }>(
          'payment',
          'SELECT attempts FROM processed_event WHERE event_id = ANY($1::uuid[])',
          [events.map((event) => event.eventId)],
        );
        return rows.length === 2 && rows;
      },
      20_000,
      'both processed',
    );
    expect(processed.map((row) => row.attempts)).toEqual([1, 1]);
    const payments = await queryService(
      'payment',
      'SELECT 1 FROM payment WHERE order_id = ANY($1::uuid[])',
      [events.map((event) => event.orderId)],
    );
    expect(payments).toHaveLength(2);
    expect(
      await deadLettersOf('payment', 'message_key = ANY($1::text[])', [
        events.map((event) => event.orderId),
      ]),
    ).toEqual([]);
    await expectEveryLoopRunning();
  });

  it('a payment.completed of 1 cent for a 950-cent order: not confirmed, flagged, no customer told; a second real payment is flagged, not announced', async () => {
    const admin = await signInAdmin();
    const customer = await newCustomer('forged-payment');
    await admin.client.payment.setProviderOutage.mutate({ enabled: true });
    let orderId = '';
    try {
      const created = await customer.client.order.create.mutate(
        orderInput({ items: [{ menuItemId: 'roma-margherita', quantity: 1 }] }),
      );
      orderId = created.id;
      expect(created.totalCents).toBe(950);
      const paymentLetter = await eventually(
        async () => {
          const { items } = await admin.client.payment.deadLetters.list.query({
            originalTopic: 'order.created',
            status: 'PENDING',
          });
          return items.find((item) => item.messageKey === orderId);
        },
        30_000,
        'the charge dead-lettered during the outage',
      );
      const [owner] = await queryService<{ user_id: string }>(
        'order',
        'SELECT user_id FROM customer_order WHERE id = $1::uuid',
        [orderId],
      );
      const forged = (amountCents: number) =>
        sampleEnvelope('payment.completed', {
          ...samplePayload('payment.completed', { orderId, userId: owner?.user_id }),
          amountCents,
        }).json;
      await send('payment.completed', [{ key: orderId, value: forged(1) }]);
      const [mismatch] = await eventually(
        () =>
          deadLettersOf('order', "message_key = $1 AND error_class = 'PAYMENT_MISMATCH'", [
            orderId,
          ]).then((rows) => rows.length > 0 && rows),
        20_000,
        'the mismatch dead-lettered',
      );
      expect(mismatch).toBeTruthy();
      const flagged = await customer.client.order.get.query({ orderId });
      expect(flagged.status).toBe('PENDING_PAYMENT');
      expect(
        (await admin.client.order.adminList.query({})).items.find((order) => order.id === orderId)
          ?.attention,
      ).toMatchObject({
        reason: 'PAYMENT_MISMATCH',
      });
      expect((await customer.client.notification.list.query({})).items).toEqual([]);

      // The real payment, once the provider is back: confirmed for the order's own total, told once.
      await admin.client.payment.setProviderOutage.mutate({ enabled: false });
      await admin.client.payment.deadLetters.replay.mutate({ id: paymentLetter.id });
      await eventually(
        async () => (await customer.client.order.get.query({ orderId })).status === 'CONFIRMED',
        30_000,
        'confirmed',
      );
      const told = await eventually(
        async () => {
          const { items } = await customer.client.notification.list.query({});
          return items.length > 0 && items;
        },
        20_000,
        'the customer told',
      );
      expect(told.map((item) => item.kind)).toEqual(['ORDER_CONFIRMED']);
      expect(told[0]?.body).toContain('€9.50');

      // A second capture for the settled order: flagged for an operator, never announced.
      await send('payment.completed', [{ key: orderId, value: forged(950) }]);
      await eventually(
        () =>
          deadLettersOf('order', "message_key = $1 AND error_class = 'DUPLICATE_PAYMENT'", [
            orderId,
          ]).then((rows) => rows.length > 0 && rows),
        20_000,
        'the second payment flagged',
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await customer.client.notification.list.query({})).items).toHaveLength(1);
      expect((await customer.client.order.get.query({ orderId })).status).toBe('CONFIRMED');
    } finally {
      await admin.client.payment.setProviderOutage.mutate({ enabled: false });
    }
    await laterOrdersSettle();
  }, 90_000);
});

describe(`hostile records: ${recordCount} odd records on every consumed, replay and DLQ topic`, () => {
  it('none crashes or stalls a consumer; each is applied once or dead-lettered (DLQ: stored or skipped with a reason); orders placed afterwards confirm', async () => {
    const runId = randomUUID().slice(0, 8);
    const seed = Number(process.env.HOSTILE_SEED ?? Date.now() % 1_000_000);
    const records = generateHostileRecords(recordCount, { runId, seed });
    const skippedBefore = await skippedDeadLetters();

    // Records near the broker's limit go alone; the rest in batches well under it.
    let batch: HostileRecord[] = [];
    let batchBytes = 0;
    const flush = async () => {
      const byTopic = new Map<string, HostileRecord[]>();
      for (const record of batch)
        byTopic.set(record.topic, [...(byTopic.get(record.topic) ?? []), record]);
      for (const [topic, group] of byTopic)
        await send(
          topic,
          group.map(({ key, value, headers }) => ({ key, value, headers })),
        );
      batch = [];
      batchBytes = 0;
    };
    for (const record of records) {
      if (batchBytes + record.bytes > 600_000) await flush();
      batch.push(record);
      batchBytes += record.bytes;
    }
    await flush();
    const written = Date.now();

    const context = `seed ${seed} (HOSTILE_SEED=${seed} replays this run)`;
    const unaccounted = await eventually(
      async () => {
        const missing = await unaccountedRecords(records, runId, skippedBefore);
        return missing.problems.length === 0 ? missing : false;
      },
      60_000 + recordCount * 10,
      `every record accounted for, ${context}`,
    ).catch(async (error: unknown) => {
      const { problems } = await unaccountedRecords(records, runId, skippedBefore);
      throw new Error(
        `${problems.length} records not accounted for, ${context}: ${JSON.stringify(problems.slice(0, 5))}`,
        { cause: error },
      );
    });
    expect(unaccounted.problems).toEqual([]);
    const byTopic = new Map<string, number>();
    for (const record of records) byTopic.set(record.topic, (byTopic.get(record.topic) ?? 0) + 1);
    process.stdout.write(
      `hostile records: ${records.length} (${[...byTopic].map(([topic, count]) => `${topic} ${count}`).join(', ')}), ` +
        `${(records.reduce((sum, record) => sum + record.bytes, 0) / 1e6).toFixed(1)} MB, every one accounted for ` +
        `${((Date.now() - written) / 1000).toFixed(1)} s after the last was written (seed ${seed})\n`,
    );
    await laterOrdersSettle();
    await expectEveryLoopRunning();
  }, 600_000);
});

async function skippedDeadLetters(): Promise<Record<ConsumingService, number>> {
  const totals: Record<ConsumingService, number> = { order: 0, payment: 0, notification: 0 };
  for (const instance of instances) {
    const text = await (await fetch(`${stackUrl(instance)}/metrics`)).text();
    const service = instance.replace(/-\d+$/, '') as ConsumingService;
    for (const line of text.split('\n'))
      if (line.startsWith('dead_letters_skipped_total'))
        totals[service] += Number(line.split(' ').at(-1));
  }
  return totals;
}

/** What became of each record, from the services' own tables: a problem for each record not (or doubly) accounted for. */
async function unaccountedRecords(
  records: HostileRecord[],
  runId: string,
  skippedBefore: Record<ConsumingService, number>,
) {
  const problems: Array<{
    seq: number;
    kind: string;
    topic: string;
    service: string;
    problem: string;
  }> = [];
  const skipped = await skippedDeadLetters();
  for (const service of ['order', 'payment', 'notification'] as const) {
    const letters = await queryService<{ seq: string; n: number }>(
      service,
      `SELECT headers->>'${hostileHeader.seq}' AS seq, count(*)::int AS n FROM dead_letter
       WHERE headers->>'${hostileHeader.run}' = $1 GROUP BY 1`,
      [runId],
    );
    const lettersOf = new Map(letters.map((row) => [Number(row.seq), row.n]));
    const eventIds = records.flatMap((record) => (record.eventId ? [record.eventId] : []));
    const processed = new Set(
      (
        await queryService<{ event_id: string }>(
          service,
          'SELECT event_id::text FROM processed_event WHERE event_id::text = ANY($1::text[])',
          [eventIds],
        )
      ).map((row) => row.event_id),
    );
    const mine = records.filter((record) =>
      record.accountedBy.some((entry) => entry.service === service),
    );
    const stored = mine.filter((record) =>
      record.accountedBy.some((entry) => entry.service === service && entry.as === 'stored'),
    );
    const unstored = stored.filter((record) => !lettersOf.has(record.seq)).length;
    const skippedHere = skipped[service] - skippedBefore[service];
    if (unstored > skippedHere) {
      for (const record of stored
        .filter((candidate) => !lettersOf.has(candidate.seq))
        .slice(0, unstored - skippedHere)) {
        problems.push({
          seq: record.seq,
          kind: record.kind,
          topic: record.topic,
          service,
          problem: 'neither stored nor counted as skipped',
        });
      }
    }
    for (const record of mine) {
      const count = lettersOf.get(record.seq) ?? 0;
      if (count > 1)
        problems.push({
          seq: record.seq,
          kind: record.kind,
          topic: record.topic,
          service,
          problem: `${count} dead letters`,
        });
      const isStored = record.accountedBy.some(
        (entry) => entry.service === service && entry.as === 'stored',
      );
      if (isStored) continue;
      const applied = record.eventId !== undefined && processed.has(record.eventId);
      if (count === 0 && !applied)
        problems.push({
          seq: record.seq,
          kind: record.kind,
          topic: record.topic,
          service,
          problem: 'neither applied nor dead-lettered',
        });
    }
  }
  return { problems };
}
