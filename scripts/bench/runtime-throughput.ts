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
  runtimeMigrationsDir,
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

interface BenchContext {
  kafka: Kafka;
  namespace: string;
  eventCount: number;
  logger: Logger;
  db: PrismaClient;
  benchDbUrl: string;
}

/** The same events for every run: each topic's events carry its name as their type, as the platform's do. */
function makeEvents(topic: string, eventCount: number): OutgoingEvent[] {
  const catalog = { [topic]: defineEvent(topic, benchPayload) };
  return Array.from({ length: eventCount }, (_, n) =>
    createEvent(catalog, topic, { n }, { correlationId: 'bench', causationId: null }, `key-${n % 50}`),
  );
}

/**
 * Timed from the commit of all events to the last one published, with the relay connected and leading before, as
 * the bare producer is timed after its connect.
 */
async function relaySeconds(context: BenchContext, relayTopic: string) {
  const { kafka, namespace, logger, db, benchDbUrl, eventCount } = context;
  const relayEvents = makeEvents(relayTopic, eventCount);
  const relay = new OutboxRelay({ databaseUrl: benchDbUrl, kafka, namespace, logger });
  await relay.start();
  while (!relay.stats().isLeader) await sleep(20);
  await db.$transaction((tx) => writeToOutbox(tx, relayEvents), { timeout: 60_000 });
  const started = performance.now();
  while (relay.stats().published < eventCount) await sleep(5);
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  return seconds;
}

async function rawProducerSeconds(context: BenchContext, rawLogicalTopic: string) {
  const rawProducer = context.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await rawProducer.connect();
  const rawEvents = makeEvents(rawLogicalTopic, context.eventCount);
  const started = performance.now();
  for (let i = 0; i < rawEvents.length; i += 500) {
    await rawProducer.send({
      topic: namespaced(context.namespace, rawLogicalTopic),
      acks: -1,
      messages: rawEvents.slice(i, i + 500).map((event) => ({ key: event.key, value: event.value, headers: event.headers })),
    });
  }
  const seconds = (performance.now() - started) / 1000;
  await rawProducer.disconnect();
  return seconds;
}

/** The runtime's consumer: the dedupe row and the effect in one transaction. Returns how to stop it. */
async function startIdempotentConsumer(context: BenchContext, logicalTopic: string) {
  const consumer = new EventConsumer({
    kafka: context.kafka,
    groupId: `bench-idempotent-${randomUUID()}`,
    namespace: context.namespace,
    catalog: { [logicalTopic]: defineEvent(logicalTopic, benchPayload) },
    handlers: {
      [logicalTopic]: async (event, tx) => {
        await tx.$executeRawUnsafe('INSERT INTO bench_effect (n) VALUES ($1)', (event.payload as { n: number }).n);
      },
    },
    database: context.db,
    deadLetterTopic: 'bench.failed.dlq',
    logger: context.logger,
  });
  await consumer.start();
  return () => consumer.stop();
}

/** A bare kafkajs consumer writing the same effect, without dedupe. Returns how to stop it. */
async function startPlainConsumer(context: BenchContext, logicalTopic: string) {
  const consumer = context.kafka.consumer({ groupId: `bench-plain-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: namespaced(context.namespace, logicalTopic), fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      const envelope = JSON.parse(message.value!.toString()) as { payload: { n: number } };
      await context.db.$executeRawUnsafe('INSERT INTO bench_effect (n) VALUES ($1)', envelope.payload.n);
    },
  });
  return () => consumer.disconnect();
}

/** Events per second a consumer applies, from its start to the last effect written. */
async function consumerEventsPerSecond(context: BenchContext, start: () => Promise<() => Promise<void>>) {
  const { db, eventCount } = context;
  await db.$executeRawUnsafe('TRUNCATE bench_effect');
  const started = performance.now();
  const stop = await start();
  for (;;) {
    const [row] = await db.$queryRawUnsafe<Array<{ n: number }>>('SELECT count(*)::int AS n FROM bench_effect');
    if ((row?.n ?? 0) >= eventCount) break;
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  await stop();
  return round(eventCount / seconds);
}

async function compareRelayWithRawProducer(context: BenchContext, relayTopic: string, rawLogicalTopic: string) {
  const { eventCount, kafka, namespace } = context;
  // The first sends of a process pay for compiling kafkajs's encoders and pg's parsers: measured cold, whichever
  // ran first looked slower (the relay, run first, read 0.42-0.48 of bare; warm, the same code reads more).
  const warmUp = { ...context, eventCount: 2000 };
  const warmTopics = [`bench-warm-relay-${randomUUID().slice(0, 8)}`, `bench-warm-raw-${randomUUID().slice(0, 8)}`];
  await ensureTopics(kafka, warmTopics.map((topic) => namespaced(namespace, topic)), 3);
  await relaySeconds(warmUp, warmTopics[0]!);
  await rawProducerSeconds(warmUp, warmTopics[1]!);
  const relay = await relaySeconds(context, relayTopic);
  const raw = await rawProducerSeconds(context, rawLogicalTopic);
  return {
    events: eventCount,
    relayEventsPerSecond: round(eventCount / relay),
    rawProducerEventsPerSecond: round(eventCount / raw),
    ratio: round(relay / raw, 2), // × slower, as earlier runs reported it
    fractionOfBare: round(raw / relay, 2),
  };
}

/** Both consumers read the raw producer's topic, which by then holds every event. */
async function compareIdempotentWithPlainConsumer(context: BenchContext, rawLogicalTopic: string) {
  await context.db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS bench_effect (n int NOT NULL)');
  const idempotentPerSecond = await consumerEventsPerSecond(context, () => startIdempotentConsumer(context, rawLogicalTopic));
  const plainPerSecond = await consumerEventsPerSecond(context, () => startPlainConsumer(context, rawLogicalTopic));
  return {
    events: context.eventCount,
    idempotentEventsPerSecond: idempotentPerSecond,
    plainEventsPerSecond: plainPerSecond,
    ratio: round(plainPerSecond / idempotentPerSecond, 2), // × slower, as earlier runs reported it
    fractionOfBare: round(idempotentPerSecond / plainPerSecond, 2),
  };
}

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
  await applyMigrations(benchDbUrl, [path.resolve('apps/payment/prisma/migrations'), runtimeMigrationsDir]);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchDbUrl, max: 8 }) });
  const context: BenchContext = { kafka, namespace, eventCount, logger, db, benchDbUrl };
  try {
    say(`▸ outbox relay vs bare producer (${eventCount} events, after a warm-up of each)`);
    const relayTopic = `bench-relay-${randomUUID().slice(0, 8)}`;
    const rawLogicalTopic = `bench-raw-${randomUUID().slice(0, 8)}`;
    await ensureTopics(kafka, [namespaced(namespace, relayTopic), namespaced(namespace, rawLogicalTopic)], 3);
    const outboxRelayVsRawProducer = await compareRelayWithRawProducer(context, relayTopic, rawLogicalTopic);
    say(`▸ idempotent consumer vs plain consumer (${eventCount} events)`);
    const idempotentVsPlainConsumer = await compareIdempotentWithPlainConsumer(context, rawLogicalTopic);
    return { outboxRelayVsRawProducer, idempotentVsPlainConsumer };
  } finally {
    await db.$disconnect();
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(benchDbName)} WITH (FORCE)`);
    await admin.end();
  }
}
