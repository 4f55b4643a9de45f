import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf, eventCatalog, type DeadLetterErrorClass } from '@food/contracts';
import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import {
  Partitioners,
  type Admin,
  type Message,
  type PartitionMetadata,
  type Producer,
} from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, newCustomer, orderInput, queryService, signInAdmin } from './support/customers.js';
import * as sampleEvents from './support/sample-events.js';
import type { EventType } from './support/sample-events.js';
import { settledOrders } from './support/settled-orders.js';
import { readServiceSurface } from './support/service-surface.js';
import { testStack } from './support/stack.js';

type ConsumingService = keyof typeof deadLetterTopicOf;

/** Who consumes what (the design's table); checked against the services' handler maps below. */
const consumersOf: Record<EventType, ConsumingService[]> = {
  'order.created': ['payment'],
  'payment.completed': ['order'],
  'payment.failed': ['order'],
  'order.confirmed': ['notification'],
  'order.cancelled': ['notification'],
};
const eventTypes = Object.keys(consumersOf) as EventType[];

const runId = randomUUID().slice(0, 8);
const namespace = testStack().kafkaNamespace;
const kafka = createKafkaClient({
  clientId: `malformed-events-${runId}`,
  brokers: testStack().kafkaBrokers.split(','),
  logger: createLogger('malformed-events-test', { level: 'error' }),
});

/** A valid payload of each type, for envelopes that are right in every way but the one a case breaks. */
const samplePayload = (type: EventType) =>
  sampleEvents.samplePayload(type, { userId: `poison-${runId}` });

const envelope = (type: string, payload: unknown, overrides: Record<string, unknown> = {}) =>
  sampleEvents.sampleEnvelope(type, payload, { correlationId: `poison-${runId}`, ...overrides })
    .json;

/** Another event type whose payload this type's schema refuses (order.cancelled's would pass as payment.failed's). */
function mismatchedType(type: EventType): EventType {
  const other = eventTypes.find(
    (candidate) =>
      candidate !== type && !eventCatalog[type].payload.safeParse(samplePayload(candidate)).success,
  );
  if (!other) throw new Error(`every other payload is valid as ${type}`);
  return other;
}

interface PoisonCase {
  errorClass: DeadLetterErrorClass;
  value: (type: EventType) => string | Buffer | null;
  /** The `type` the dead letter store reads from the value, when it is JSON with a string `type`. */
  eventType: (type: EventType) => string | null;
}

const poisonCases: Record<string, PoisonCase> = {
  'not JSON': { errorClass: 'NOT_JSON', value: () => '{"eventId": "', eventType: () => null },
  'binary garbage': {
    errorClass: 'NOT_JSON',
    value: () => Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b]),
    eventType: () => null,
  },
  'an empty value (tombstone)': {
    errorClass: 'NOT_JSON',
    value: () => null,
    eventType: () => null,
  },
  'JSON that is no envelope': {
    errorClass: 'INVALID_ENVELOPE',
    value: () => '[{"hello":"world"}]',
    eventType: () => null,
  },
  'a wrong envelope (eventId not a uuid, version a string, no occurredAt)': {
    errorClass: 'INVALID_ENVELOPE',
    value: (type) =>
      envelope(type, samplePayload(type), {
        eventId: 'not-a-uuid',
        version: '1',
        occurredAt: undefined,
      }),
    eventType: (type) => type,
  },
  'an unknown version': {
    errorClass: 'UNKNOWN_VERSION',
    value: (type) => envelope(type, samplePayload(type), { version: 99 }),
    eventType: (type) => type,
  },
  "another type's event": {
    errorClass: 'UNKNOWN_EVENT_TYPE',
    value: (type) => envelope(mismatchedType(type), samplePayload(mismatchedType(type))),
    eventType: (type) => mismatchedType(type),
  },
  "this type's envelope around another type's payload": {
    errorClass: 'INVALID_PAYLOAD',
    value: (type) => envelope(type, samplePayload(mismatchedType(type))),
    eventType: (type) => type,
  },
  'a valid envelope with an invalid payload': {
    errorClass: 'INVALID_PAYLOAD',
    value: (type) => envelope(type, { ...samplePayload(type), orderId: 'not-a-uuid', userId: '' }),
    eventType: (type) => type,
  },
};

const poisonKey = (type: EventType, caseName: string, partition: number) =>
  `poison-${runId}-${type}-${Object.keys(poisonCases).indexOf(caseName)}-p${partition}`;

let kafkaAdmin: Admin;
let producer: Producer;
let admin: Awaited<ReturnType<typeof signInAdmin>>;
const partitionMetadata = new Map<string, PartitionMetadata[]>();
let startedAt: Date;

async function partitionsOf(topic: string): Promise<PartitionMetadata[]> {
  const known = partitionMetadata.get(topic);
  if (known) return known;
  const { topics } = await kafkaAdmin.fetchTopicMetadata({ topics: [topic] });
  const partitions = topics[0]?.partitions ?? [];
  partitionMetadata.set(topic, partitions);
  return partitions;
}

/** The partition a keyed message lands on: the producers' (kafkajs's default, murmur2) partitioner. */
const partitioner = Partitioners.DefaultPartitioner();
async function partitionFor(topic: string, key: string): Promise<number> {
  return partitioner({
    topic,
    partitionMetadata: await partitionsOf(topic),
    message: { key, value: null },
  });
}

function deadLettersOf(service: ConsumingService, originalTopic: EventType) {
  const filter = {
    originalTopic,
    failedFrom: new Date(startedAt.getTime() - 5_000).toISOString(),
    limit: 200,
  };
  return admin.client[service].deadLetters.list.query(filter);
}

beforeAll(async () => {
  startedAt = new Date();
  kafkaAdmin = kafka.admin();
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await Promise.all([kafkaAdmin.connect(), producer.connect()]);
  admin = await signInAdmin();
});

afterAll(async () => {
  await producer?.disconnect();
  await kafkaAdmin?.disconnect();
});

describe('malformed messages on every consumed topic', () => {
  it('the table of consumers is what the services handle', async () => {
    const { consumedTopics } = await readServiceSurface();
    const handled = Object.fromEntries(
      eventTypes.map((type) => [
        type,
        (Object.keys(consumedTopics) as ConsumingService[])
          .filter((service) => consumedTopics[service].includes(type))
          .sort(),
      ]),
    );
    expect(handled).toEqual(
      Object.fromEntries(eventTypes.map((type) => [type, [...consumersOf[type]].sort()])),
    );
    for (const type of eventTypes) {
      expect(
        eventCatalog[type].payload.safeParse(samplePayload(type)).success,
        `the sample ${type} payload`,
      ).toBe(true);
      expect(
        eventCatalog[type].payload.safeParse(samplePayload(mismatchedType(type))).success,
      ).toBe(false);
    }
  });

  it('each ends, once, in the DLQ of each consuming service with its reason and 1 attempt, and every partition keeps flowing', async () => {
    // 1. Poison every partition of every consumed topic, ahead of anything the orders below will produce.
    const expected: Array<{
      service: ConsumingService;
      type: EventType;
      caseName: string;
      partition: number;
      key: string;
    }> = [];
    const orderPartitions = (await partitionsOf(namespaced(namespace, 'order.created'))).length;
    expect(orderPartitions).toBeGreaterThan(1);
    for (const type of eventTypes) {
      const topic = namespaced(namespace, type);
      const partitions = (await partitionsOf(topic)).map((partition) => partition.partitionId);
      // One count everywhere: an order's events then share one partition number on every topic (all keyed by orderId).
      expect(partitions, topic).toHaveLength(orderPartitions);
      const messages: Message[] = Object.entries(poisonCases).flatMap(([caseName, poison]) =>
        partitions.map((partition) => {
          const key = poisonKey(type, caseName, partition);
          for (const service of consumersOf[type])
            expected.push({ service, type, caseName, partition, key });
          return {
            key,
            value: poison.value(type),
            partition,
            headers: { 'x-poison-case': caseName },
          };
        }),
      );
      // And one placed by its key, as the services place theirs: proves partitionFor() below computes what they do.
      const keyed = `poison-${runId}-${type}-keyed`;
      const keyedPartition = await partitionFor(topic, keyed);
      for (const service of consumersOf[type])
        expected.push({
          service,
          type,
          caseName: 'not JSON',
          partition: keyedPartition,
          key: keyed,
        });
      messages.push({ key: keyed, value: 'not JSON, placed by its key' });
      await producer.send({ topic, acks: -1, messages });
    }

    // 2. Orders placed after the poison, until their events have crossed every partition: each must settle, and be
    // told to its customer, which takes every consumer of every topic past the poison on that partition.
    const customer = await newCustomer('after-poison');
    const placed: Array<{ id: string; paymentMethod: string }> = [];
    const covered = { tok_visa: new Set<number>(), tok_decline: new Set<number>() };
    while (covered.tok_visa.size < orderPartitions || covered.tok_decline.size < orderPartitions) {
      expect(placed.length, 'orders placed to cover every partition').toBeLessThan(60);
      const methods = (['tok_visa', 'tok_decline'] as const).filter(
        (method) => covered[method].size < orderPartitions,
      );
      const orders = await Promise.all(
        methods.map((paymentMethod) =>
          customer.client.order.create.mutate(orderInput({ paymentMethod })),
        ),
      );
      for (const [index, order] of orders.entries()) {
        const paymentMethod = methods[index] ?? 'tok_visa';
        placed.push({ id: order.id, paymentMethod });
        covered[paymentMethod].add(
          await partitionFor(namespaced(namespace, 'order.created'), order.id),
        );
      }
    }
    const ids = placed.map((order) => order.id);
    const settled = await settledOrders(ids, 'every order placed after the poison to settle');
    const expectedStatus = (id: string) =>
      placed.find((order) => order.id === id)?.paymentMethod === 'tok_visa'
        ? 'CONFIRMED'
        : 'CANCELLED';
    expect(settled.filter((row) => row.status !== expectedStatus(row.id))).toEqual([]);
    const told = await eventually(
      async () => {
        const rows = await queryService<{ order_id: string; kinds: string[] }>(
          'notification',
          'SELECT order_id::text, array_agg(kind ORDER BY kind) AS kinds FROM notification WHERE order_id::text = ANY($1::text[]) GROUP BY order_id',
          [ids],
        );
        return rows.length === ids.length && rows.every((row) => row.kinds.length === 1) && rows;
      },
      30_000,
      'the notification of every order placed after the poison',
    );
    for (const row of told) {
      expect(row.kinds).toEqual(
        expectedStatus(row.order_id) === 'CONFIRMED' ? ['ORDER_CONFIRMED'] : ['ORDER_CANCELLED'],
      );
    }

    // 3. Every poison message is a dead letter of every service that consumes its topic, exactly once.
    for (const service of ['payment', 'order', 'notification'] as const) {
      for (const type of eventTypes.filter((candidate) =>
        consumersOf[candidate].includes(service),
      )) {
        const mine = expected.filter((entry) => entry.service === service && entry.type === type);
        const letters = await eventually(
          async () => {
            const { items } = await deadLettersOf(service, type);
            const ours = items.filter((item) => item.messageKey?.startsWith(`poison-${runId}-`));
            return ours.length >= mine.length && ours;
          },
          20_000,
          `${mine.length} dead letters of ${type} in ${service}'s DLQ`,
        );
        expect(letters.map((letter) => letter.messageKey).sort(), `${service}: ${type}`).toEqual(
          mine.map((entry) => entry.key).sort(),
        );
        for (const entry of mine) {
          const letter = letters.find((candidate) => candidate.messageKey === entry.key);
          const poison = poisonCases[entry.caseName];
          expect(letter, `${service}: ${type}: ${entry.caseName}`).toMatchObject({
            originalTopic: type,
            originalPartition: entry.partition,
            consumerGroup: namespaced(namespace, service),
            errorClass: poison?.errorClass,
            attempts: 1,
            status: 'PENDING',
            eventType: poison?.eventType(type) ?? null,
          });
          expect(letter?.errorMessage, `${service}: ${type}: ${entry.caseName}`).not.toBe('');
        }
      }
    }
  }, 90_000);

  it('a malformed message with NUL characters in its envelope is stored too, and the dead letters behind it still are', async () => {
    // order.confirmed has one consumer (notification), so only its DLQ is at stake here.
    const type: EventType = 'order.confirmed';
    const service: ConsumingService = 'notification';
    const sourceTopic = namespaced(namespace, type);
    const dlqTopic = namespaced(namespace, deadLetterTopicOf[service]);
    const storeGroup = namespaced(namespace, `${service}.dead-letters`);
    const nulKey = `poison-${runId}-nul`;
    const dlqPartition = await partitionFor(dlqTopic, nulKey);
    // A second, ordinary poison whose dead letter follows the NUL one on the same DLQ partition.
    let behindKey = '';
    for (let attempt = 0; !behindKey; attempt += 1) {
      const candidate = `poison-${runId}-behind-nul-${attempt}`;
      if ((await partitionFor(dlqTopic, candidate)) === dlqPartition) behindKey = candidate;
    }

    const dlqOffsets = async () => {
      const offsets = (await kafkaAdmin.fetchTopicOffsets(dlqTopic)).find(
        (candidate) => candidate.partition === dlqPartition,
      );
      return { low: Number(offsets?.low ?? 0), high: Number(offsets?.high ?? 0) };
    };
    const highWatermark = async () => (await dlqOffsets()).high;
    const committed = async () => {
      const [offsets] = await kafkaAdmin.fetchOffsets({ groupId: storeGroup, topics: [dlqTopic] });
      return Number(
        offsets?.partitions.find((candidate) => candidate.partition === dlqPartition)?.offset ?? -1,
      );
    };
    // The store has stored everything before (so nothing of others' is at stake if the cleanup below has to run):
    // its committed offset is at the end of the partition, or the partition holds nothing.
    await eventually(
      async () => {
        const { low, high } = await dlqOffsets();
        return low === high || (await committed()) >= high;
      },
      20_000,
      'the dead-letter store to catch up',
    );
    const before = await highWatermark();

    await producer.send({
      topic: sourceTopic,
      acks: -1,
      messages: [
        {
          key: nulKey,
          partition: 0,
          value: envelope(`${type}\u0000`, samplePayload(type), {
            eventId: `nul\u0000${randomUUID()}`,
          }),
          headers: { 'x-poison-case': 'NUL in the envelope' },
        },
        {
          key: behindKey,
          partition: 0,
          value: 'not JSON, behind the NUL one',
          headers: { 'x-poison-case': 'behind the NUL one' },
        },
      ],
    });

    const stored = () =>
      queryService<{ message_key: string; error_class: string; attempts: number }>(
        service,
        'SELECT message_key, error_class, attempts FROM dead_letter WHERE message_key = ANY($1::text[]) ORDER BY dlq_offset',
        [[nulKey, behindKey]],
      );
    try {
      const letters = await eventually(
        async () => {
          const rows = await stored();
          return rows.length === 2 && rows;
        },
        15_000,
        'both dead letters stored',
      ).catch(async (error: unknown) => {
        const rows = await stored();
        throw new Error(
          `of the NUL dead letter and the one behind it, ${service}'s dead-letter store kept ${JSON.stringify(rows)} ` +
            `within 15 s: it is stuck on the NUL one (its log: "Error when calling eachMessage" on ${dlqTopic})`,
          { cause: error },
        );
      });
      expect(letters).toEqual([
        { message_key: nulKey, error_class: 'INVALID_ENVELOPE', attempts: 1 },
        { message_key: behindKey, error_class: 'NOT_JSON', attempts: 1 },
      ]);
    } finally {
      if ((await stored()).length < 2) {
        // The store is stuck on the NUL dead letter and would stay stuck across runs of this stack: drop the two
        // test messages from the DLQ partition (everything before them was stored, checked above) so it moves on.
        await eventually(
          async () => (await highWatermark()) >= before + 2,
          15_000,
          'both dead letters on the DLQ topic',
        );
        await kafkaAdmin.deleteTopicRecords({
          topic: dlqTopic,
          partitions: [{ partition: dlqPartition, offset: String(before + 2) }],
        });
      }
    }
  }, 90_000);
});
