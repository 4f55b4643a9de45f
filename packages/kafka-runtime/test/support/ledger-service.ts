// A minimal service built on the runtime, run as its own process by the shutdown test:
// consumes ledger.credited, applies it, publishes ledger.recorded through its outbox.
import { createLogger, handleShutdownSignals, loadConfigOrExit } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import { z } from 'zod';
import { createKafkaClient, DeadLetterStore, EventConsumer, OutboxRelay } from '../../src/index.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyCredit, ledgerCatalog, ledgerTopics } from './ledger.js';

const env = loadConfigOrExit(
  z.object({ DATABASE_URL: z.string(), KAFKA_BROKERS: z.string(), KAFKA_NAMESPACE: z.string() }),
  process.env,
);
const logger = createLogger('ledger-service', { level: 'info' });
const shutdown = handleShutdownSignals(logger);
const database = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
const kafka = createKafkaClient({ clientId: 'ledger-service', brokers: env.KAFKA_BROKERS.split(','), logger });
const shared = { kafka, namespace: env.KAFKA_NAMESPACE, logger };

const relay = new OutboxRelay({ ...shared, databaseUrl: env.DATABASE_URL });
const consumer = new EventConsumer({
  ...shared,
  groupId: 'ledger',
  catalog: ledgerCatalog,
  database,
  deadLetterTopic: ledgerTopics.deadLetters,
  handlers: { [ledgerTopics.credited]: applyCredit },
});
const deadLetters = new DeadLetterStore({ ...shared, deadLetterTopic: ledgerTopics.deadLetters, groupId: 'ledger-dead-letters', database });

// Closers run in reverse: consumers stop first, then the relay flushes what they caused, then the database.
shutdown.onShutdown('database', () => database.$disconnect());
await relay.start();
shutdown.onShutdown('outbox relay', () => relay.stop());
await Promise.all([consumer.start(), deadLetters.start()]);
shutdown.onShutdown('dead-letter store', () => deadLetters.stop());
shutdown.onShutdown('event consumer', () => consumer.stop());
logger.info('ledger service ready');
