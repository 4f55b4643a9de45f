import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { defineEvent, type EventCatalog } from '@food/contracts';
import { applyMigrations, connectOnce, createLogger, ensureDatabase, type Logger } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { z } from 'zod';
import {
  createEvent,
  createKafkaClient,
  DeadLetterStore,
  ensureTopics,
  EventConsumer,
  namespaced,
  OutboxRelay,
  runtimeMigrationsDir,
  type EventHandler,
  type OutgoingEvent,
  type RetryPolicy,
} from '../../src/index.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { stackServers } from './stack-servers.js';

export const ledgerTopics = {
  credited: 'ledger.credited',
  recorded: 'ledger.recorded',
  deadLetters: 'ledger.failed.dlq',
  replays: 'ledger.replay',
};

const credited = z.object({ accountId: z.string(), sequence: z.number().int(), amount: z.number().int() });
export const ledgerCatalog = {
  [ledgerTopics.credited]: defineEvent(ledgerTopics.credited, credited),
  [ledgerTopics.recorded]: defineEvent(ledgerTopics.recorded, credited),
} satisfies EventCatalog;

export type LedgerDatabase = PrismaClient;
type LedgerTx = Parameters<Parameters<LedgerDatabase['$transaction']>[0]>[0];

async function runSqlFile(url: string, file: string) {
  const client = await connectOnce(url);
  try {
    await client.query(await readFile(new URL(file, import.meta.url), 'utf8'));
  } finally {
    await client.end();
  }
}

/** A fresh database with the runtime's tables, built as a service's were (first tables, then migrations), and the ledger. */
export async function createLedgerDatabase(label: string) {
  const { postgresUrl } = stackServers();
  const name = `kafka_runtime_${label}_${randomUUID().slice(0, 8)}`;
  const url = Object.assign(new URL(postgresUrl), { pathname: `/${name}` }).toString();
  await ensureDatabase(url);
  await runSqlFile(url, '../../prisma/runtime-first-tables.sql');
  await applyMigrations(url, [runtimeMigrationsDir]);
  await runSqlFile(url, '../prisma/ledger-tables.sql');
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 8 }) });
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const admin = await connectOnce(postgresUrl);
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Topics of one test in a namespace of its own, so tests never see each other's messages. */
export async function createLedgerKafka(label: string, logger: Logger = createLogger(`test-${label}`, { level: 'error' })) {
  const namespace = `rt-${label}-${randomUUID().slice(0, 8)}`;
  const kafka: Kafka = createKafkaClient({ clientId: namespace, brokers: stackServers().kafkaBrokers, logger });
  await ensureTopics(
    kafka,
    Object.values(ledgerTopics).map((topic) => namespaced(namespace, topic)),
    3,
  );
  return { namespace, kafka, logger };
}

export type Ledger = Awaited<ReturnType<typeof createLedgerDatabase>>;
export type LedgerKafka = Awaited<ReturnType<typeof createLedgerKafka>>;

/** A credit keyed by its account: unlike a replayed event, a fresh one always has a key. */
export function creditEvent(accountId: string, sequence: number, amount = 1): OutgoingEvent & { key: string } {
  const event = createEvent(
    ledgerCatalog,
    ledgerTopics.credited,
    { accountId, sequence, amount },
    { correlationId: randomUUID(), causationId: null },
    accountId,
  );
  return { ...event, key: accountId };
}

/**
 * The ledger's handler: a non-idempotent effect (balance += amount, applied_count += 1) and one `ledger.recorded`
 * event per credit, so duplicates and losses both show in the numbers.
 */
export const applyCredit: EventHandler<{ eventId: string; correlationId: string; payload: z.infer<typeof credited> }, LedgerTx> = async (
  event,
  tx,
) => {
  const { accountId, sequence, amount } = event.payload;
  await tx.ledgerEntry.create({ data: { eventId: event.eventId, accountId, sequence, amount } });
  await tx.account.upsert({
    where: { id: accountId },
    create: { id: accountId, balance: amount, appliedCount: 1 },
    update: { balance: { increment: amount }, appliedCount: { increment: 1 } },
  });
  return [
    createEvent(ledgerCatalog, ledgerTopics.recorded, event.payload, { correlationId: event.correlationId, causationId: event.eventId }, accountId),
  ];
};

type LedgerHandler = EventHandler<Parameters<typeof applyCredit>[0], LedgerTx>;

/** The ledger service in this process: its consumer (with its replay topic), dead-letter store and relay. */
export async function startLedgerConsumer(
  db: { prisma: LedgerDatabase; url: string },
  bus: { kafka: Kafka; namespace: string; logger: Logger },
  options: { handler?: LedgerHandler; retryPolicy?: RetryPolicy; maxRecordBytes?: number } = {},
) {
  const consumer = new EventConsumer({
    kafka: bus.kafka,
    groupId: 'ledger',
    namespace: bus.namespace,
    catalog: ledgerCatalog,
    database: db.prisma,
    deadLetterTopic: ledgerTopics.deadLetters,
    replayTopic: ledgerTopics.replays,
    logger: bus.logger,
    retryPolicy: options.retryPolicy ?? { maxAttempts: 3, backoffMs: () => 50 },
    maxRecordBytes: options.maxRecordBytes,
    handlers: { [ledgerTopics.credited]: options.handler ?? applyCredit },
  });
  const store = new DeadLetterStore({
    kafka: bus.kafka,
    namespace: bus.namespace,
    deadLetterTopic: ledgerTopics.deadLetters,
    groupId: 'ledger-dead-letters',
    database: db.prisma,
    logger: bus.logger,
  });
  const relay = new OutboxRelay({ databaseUrl: db.url, kafka: bus.kafka, namespace: bus.namespace, logger: bus.logger });
  await Promise.all([consumer.start(), store.start(), relay.start()]);
  return {
    consumer,
    store,
    relay,
    async stop() {
      await Promise.all([consumer.stop(), store.stop(), relay.stop()]);
    },
  };
}
