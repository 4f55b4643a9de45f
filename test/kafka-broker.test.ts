import { randomUUID } from 'node:crypto';
import { createKafkaClient, ensureTopics } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import type { Consumer } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { testStack } from './support/stack.js';

const kafka = createKafkaClient({
  clientId: 'broker-test',
  brokers: testStack().kafkaBrokers.split(','),
  logger: createLogger('broker-test', { level: 'error' }),
});
const consumers: Consumer[] = [];

afterAll(async () => {
  await Promise.all(consumers.map((consumer) => consumer.disconnect()));
});

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the local Kafka broker', () => {
  it('delivers every message once to a group of two consumers that split the partitions', async () => {
    const topic = `broker-test.${randomUUID()}`;
    const groupId = `broker-test-group.${randomUUID()}`;
    expect(await ensureTopics(kafka, [topic], 3)).toEqual([topic]);
    expect(await ensureTopics(kafka, [topic], 3)).toEqual([]); // idempotent

    const received = new Map<string, { member: number; partition: number }>();
    const assigned = [new Set<number>(), new Set<number>()];
    for (const member of [0, 1]) {
      const consumer = kafka.consumer({ groupId });
      consumers.push(consumer);
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        assigned[member] = new Set(payload.memberAssignment[topic] ?? []);
      });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message, partition }) => {
          received.set(message.value!.toString(), { member, partition });
        },
      });
    }
    // Both members hold partitions before anything is produced, so the split is visible in who consumed what.
    await waitFor(() => assigned[0]!.size > 0 && assigned[1]!.size > 0 && assigned[0]!.size + assigned[1]!.size === 3, 30_000);

    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const values = Array.from({ length: 60 }, (_, i) => `message-${i}`);
    await producer.send({ topic, acks: -1, messages: values.map((value, i) => ({ key: `key-${i}`, value })) });
    await producer.disconnect();

    await waitFor(() => received.size === values.length, 30_000);
    expect([...received.keys()].sort()).toEqual([...values].sort());
    const membersThatConsumed = new Set([...received.values()].map(({ member }) => member));
    expect(membersThatConsumed).toEqual(new Set([0, 1]));
    for (const { member, partition } of received.values()) {
      expect(assigned[member]!.has(partition)).toBe(true);
    }
  });
});
