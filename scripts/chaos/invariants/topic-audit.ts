import { randomUUID } from 'node:crypto';
import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import type { Kafka } from 'kafkajs';
import type { ChaosStack } from '../chaos-stack.js';
import { check, type Check } from '../check.js';
import type { RunFacts } from './run-facts.js';

/** eventId -> orderId of every order.created on the topic, read up to the ends it had when the audit began. */
async function readOrderCreated(kafka: Kafka, topic: string): Promise<Map<string, string>> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const unread = new Map(ends.filter((end) => Number(end.high) > Number(end.low)).map((end) => [end.partition, Number(end.high)]));
  const onTopic = new Map<string, string>();
  const auditor = kafka.consumer({ groupId: `chaos-audit-${randomUUID()}` });
  await auditor.connect();
  await auditor.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    if (unread.size === 0) resolve();
    void auditor
      .run({
        eachMessage: ({ partition, message }) => {
          try {
            const envelope = JSON.parse(message.value?.toString() ?? '') as { eventId: string; payload: { orderId: string } };
            onTopic.set(envelope.eventId, envelope.payload.orderId);
          } catch {
            // not an event (a malformed message): the dead-letter queue accounts for it, not this audit
          }
          if (Number(message.offset) + 1 >= (unread.get(partition) ?? 0)) unread.delete(partition);
          if (unread.size === 0) resolve();
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  await auditor.disconnect();
  return onTopic;
}

/** Every order.created on the topic is accounted for by a payment or a dead letter, and every order is on it. */
export async function noMessageLost(stack: ChaosStack, { db, ids }: RunFacts): Promise<Check> {
  const kafka = createKafkaClient({
    clientId: 'chaos-audit',
    brokers: stack.settings.kafkaBrokers.split(','),
    logger: createLogger('chaos', { level: 'error' }),
  });
  const onTopic = await readOrderCreated(kafka, namespaced(stack.settings.kafkaNamespace, 'order.created'));
  const accounted = new Set(
    (
      await db.query<{ event_id: string }>(
        'payment',
        "SELECT event_id::text FROM processed_event WHERE topic = 'order.created' UNION SELECT event_id FROM dead_letter WHERE original_topic = 'order.created' AND event_id IS NOT NULL",
      )
    ).map((row) => row.event_id),
  );
  const ordersOnTopic = new Set(onTopic.values());
  const lost = [...onTopic.keys()].filter((eventId) => !accounted.has(eventId)).length + ids.filter((id) => !ordersOnTopic.has(id)).length;
  return check('no message lost (every order.created paid or dead-lettered; every order on the topic)', lost);
}
