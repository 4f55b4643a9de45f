// The runtime against the bare client: the outbox relay against an idempotent producer sending the same events,
// and the idempotent consumer (dedupe row and effect in one transaction) against a plain consumer writing the effect.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { defineEvent } from '@food/contracts';
import {
  createEvent,
  ensureTopics,
  EventConsumer,
  namespaced,
  OutboxRelay,
  writeToOutbox,
  type OutgoingEvent,
} from '@food/kafka-runtime';
import { applyMigrations, type Logger } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { z } from 'zod';
import { PrismaClient } from '../../apps/payment/src/generated/prisma/client.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const benchPayload = z.object({ n: z.number().int() });

export async function measureRuntimeThroughput(options: {
  kafka: Kafka;
  namespace: string;
  postgresUrl: string;
  eventCount: number;
  logger: Logger;
  say: (line: string) => void;
}) {
  const { kafka, namespace, eventCount, logger, say } = options;
  // A scratch database with the runtime's tables (the payment schema has them).
  const benchDbName = `bench_runtime_${randomUUID().slice(0, 8)}`;
  const benchDbUrl = Object.assign(new URL(options.postgresUrl), { pathname: `/${benchDbName}` }).toString();
  await applyMigrations(benchDbUrl, path.resolve('apps/payment/prisma/migrations'));
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchDbUrl, max: 8 }) });
  // Each topic's events carry its name as their type, as every event of the platform does.
  const makeEvents = (topic: string, count: number): OutgoingEvent[] => {
    const catalog = { [topic]: defineEvent(topic, benchPayload) };
    return Array.from({ length: count }, (_, n) =>
      createEvent(catalog, topic, { n }, { correlationId: 'bench', causationId: null }, `key-${n % 50}`),
    );
  };
  try {
    say(`▸ outbox relay vs bare producer (${eventCount} events, after a warm-up of each)`);
    // Timed from the commit of all events to the last one published, with the relay connected and leading before,
    // as the bare producer is timed after its connect.
    const timeRelay = async (count: number) => {
      const relayTopic = `bench-relay-${randomUUID().slice(0, 8)}`;
      await ensureTopics(kafka, [namespaced(namespace, relayTopic)], 3);
      const relayEvents = makeEvents(relayTopic, count);
      const relay = new OutboxRelay({ databaseUrl: benchDbUrl, kafka, namespace, logger });
      await relay.start();
      while (!relay.stats().isLeader) await sleep(20);
      await db.$transaction((tx) => writeToOutbox(tx, relayEvents), { timeout: 60_000 });
      const started = performance.now();
      while (relay.stats().published < count) await sleep(5);
      const seconds = (performance.now() - started) / 1000;
      await relay.stop();
      return seconds;
    };
    const timeRawProducer = async (logicalTopic: string, count: number) => {
      const topic = namespaced(namespace, logicalTopic);
      await ensureTopics(kafka, [topic], 3);
      const rawProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await rawProducer.connect();
      const rawEvents = makeEvents(logicalTopic, count);
      const started = performance.now();
      for (let i = 0; i < rawEvents.length; i += 500) {
        await rawProducer.send({
          topic,
          acks: -1,
          messages: rawEvents.slice(i, i + 500).map((event) => ({ key: event.key, value: event.value, headers: event.headers })),
        });
      }
      const seconds = (performance.now() - started) / 1000;
      await rawProducer.disconnect();
      return seconds;
    };
    // The first sends of a process pay for compiling kafkajs's encoders and pg's parsers: measured cold, whichever
    // ran first looked slower (the relay, run first, read 0.42-0.48 of bare; warm, the same code reads more).
    await timeRelay(2000);
    await timeRawProducer(`bench-warm-${randomUUID().slice(0, 8)}`, 2000);
    const rawLogicalTopic = `bench-raw-${randomUUID().slice(0, 8)}`;
    const rawTopic = namespaced(namespace, rawLogicalTopic);
    const relaySeconds = await timeRelay(eventCount);
    const rawSeconds = await timeRawProducer(rawLogicalTopic, eventCount);
    const outboxRelayVsRawProducer = {
      events: eventCount,
      relayEventsPerSecond: round(eventCount / relaySeconds),
      rawProducerEventsPerSecond: round(eventCount / rawSeconds),
      ratio: round(relaySeconds / rawSeconds, 2), // × slower, as earlier runs reported it
      fractionOfBare: round(rawSeconds / relaySeconds, 2),
    };

    say(`▸ idempotent consumer vs plain consumer (${eventCount} events)`);
    await db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS bench_effect (n int NOT NULL)');
    const timeConsumer = async (kind: 'idempotent' | 'plain') => {
      await db.$executeRawUnsafe('TRUNCATE bench_effect');
      const started = performance.now();
      let stop: () => Promise<void>;
      if (kind === 'idempotent') {
        const consumer = new EventConsumer({
          kafka,
          groupId: `bench-idempotent-${randomUUID()}`,
          namespace,
          catalog: { [rawLogicalTopic]: defineEvent(rawLogicalTopic, benchPayload) },
          handlers: {
            [rawLogicalTopic]: async (event, tx) => {
              await tx.$executeRawUnsafe('INSERT INTO bench_effect (n) VALUES ($1)', (event.payload as { n: number }).n);
            },
          },
          database: db,
          deadLetterTopic: 'bench.failed.dlq',
          logger,
        });
        await consumer.start();
        stop = () => consumer.stop();
      } else {
        const consumer = kafka.consumer({ groupId: `bench-plain-${randomUUID()}` });
        await consumer.connect();
        await consumer.subscribe({ topic: rawTopic, fromBeginning: true });
        await consumer.run({
          partitionsConsumedConcurrently: 3,
          eachMessage: async ({ message }) => {
            const envelope = JSON.parse(message.value!.toString()) as { payload: { n: number } };
            await db.$executeRawUnsafe('INSERT INTO bench_effect (n) VALUES ($1)', envelope.payload.n);
          },
        });
        stop = () => consumer.disconnect();
      }
      for (;;) {
        const [row] = await db.$queryRawUnsafe<Array<{ n: number }>>('SELECT count(*)::int AS n FROM bench_effect');
        if ((row?.n ?? 0) >= eventCount) break;
        await sleep(50);
      }
      const seconds = (performance.now() - started) / 1000;
      await stop();
      return round(eventCount / seconds);
    };
    const idempotentPerSecond = await timeConsumer('idempotent');
    const plainPerSecond = await timeConsumer('plain');
    const idempotentVsPlainConsumer = {
      events: eventCount,
      idempotentEventsPerSecond: idempotentPerSecond,
      plainEventsPerSecond: plainPerSecond,
      ratio: round(plainPerSecond / idempotentPerSecond, 2), // × slower, as earlier runs reported it
      fractionOfBare: round(idempotentPerSecond / plainPerSecond, 2),
    };
    return { outboxRelayVsRawProducer, idempotentVsPlainConsumer };
  } finally {
    await db.$disconnect();
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(benchDbName)} WITH (FORCE)`);
    await admin.end();
  }
}
