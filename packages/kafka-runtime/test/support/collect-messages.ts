import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

/** Collects every message of a topic (from the beginning) with a throwaway group. */
export async function collectMessages(kafka: Kafka, topic: string) {
  const messages: Array<{ key: string; value: string; partition: number; headers: Record<string, string> }> = [];
  const consumer = kafka.consumer({ groupId: `collector-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      messages.push({
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        partition,
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
      });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
