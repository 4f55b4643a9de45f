// A minimal service built on the runtime, run as its own process by the shutdown test:
// consumes ledger.credited, applies it, publishes ledger.recorded through its outbox.
import { createLogger, handleShutdownSignals, loadConfigOrExit } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import { z } from 'zod';
import { startServiceEventing } from '../../src/index.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyCredit, ledgerCatalog, ledgerTopics } from './ledger.js';

const env = loadConfigOrExit(
  z.object({
    DATABASE_URL: z.string(),
    KAFKA_BROKERS: z.string(),
    KAFKA_NAMESPACE: z.string(),
    /** A credit of this account kills the process mid-handler (the kill test's poison). */
    KILL_ON_ACCOUNT: z.string().optional(),
    /** Each credit takes this long, so a burst lasts long enough to be interrupted on any machine. */
    HANDLER_DELAY_MS: z.coerce.number().int().min(0).max(1000).default(0),
  }),
  process.env,
);
const logger = createLogger('ledger-service', { level: 'info' });
const shutdown = handleShutdownSignals(logger);
const database = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
shutdown.onShutdown('database', () => database.$disconnect());

await startServiceEventing({
  service: 'ledger',
  brokers: env.KAFKA_BROKERS.split(','),
  namespace: env.KAFKA_NAMESPACE,
  databaseUrl: env.DATABASE_URL,
  database,
  catalog: ledgerCatalog,
  consume: {
    handlers: {
      [ledgerTopics.credited]: async (event, tx, context) => {
        if (event.payload.accountId === env.KILL_ON_ACCOUNT) process.kill(process.pid, 'SIGKILL');
        if (env.HANDLER_DELAY_MS > 0) await new Promise((resolve) => setTimeout(resolve, env.HANDLER_DELAY_MS));
        return applyCredit(event, tx, context);
      },
    },
    deadLetterTopic: ledgerTopics.deadLetters,
    replayTopic: ledgerTopics.replays,
  },
  logger,
  onShutdown: shutdown.onShutdown,
  // Nothing in a test run is old enough to purge; the purge loop runs as in a service.
  retention: { outboxHours: 24, processedEventHours: 192, purgeIntervalMs: 60_000 },
});
logger.info('ledger service ready');
