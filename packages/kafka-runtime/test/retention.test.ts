import { randomUUID } from 'node:crypto';
import { createLogger, RetentionPurge } from '@food/service-kit';
import kafkajs from 'kafkajs';
import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import {
  createKafkaClient,
  ensureTopics,
  processedEventRetention,
  publishedOutboxRetention,
} from '../src/index.js';
import { PrismaClient } from './generated/prisma/client.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';
import { stackServers } from './support/stack-servers.js';

const outboxHours = 168;
const processedEventHours = 336;

/** One service instance's purge, on a connection pool of its own (as a second process would have). */
function instancePurge(url: string, batchSize: number) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  const purge = new RetentionPurge({
    targets: [
      publishedOutboxRetention(prisma, outboxHours),
      processedEventRetention(prisma, processedEventHours),
    ],
    intervalMs: 60_000,
    batchSize,
    logger: createLogger('test-retention', { level: 'error' }),
  });
  return { purge, close: () => prisma.$disconnect() };
}

describe('retention purge of the runtime tables', () => {
  const db = ledgerDatabaseForSuite('retention');

  const addOutboxRows = (
    count: number,
    label: string,
    createdHoursAgo: number,
    publishedHoursAgo: number | null,
  ) =>
    db.prisma.$executeRawUnsafe(
      `INSERT INTO outbox_event (event_id, topic, message_key, value, created_at, published_at)
       SELECT gen_random_uuid(), $1, NULL, '\\x00', now() - make_interval(hours => $2::int),
              CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(hours => $3::int) END
       FROM generate_series(1, $4::int)`,
      label,
      createdHoursAgo,
      publishedHoursAgo,
      count,
    );
  const addProcessedEvents = (count: number, group: string, hoursAgo: number) =>
    db.prisma.$executeRawUnsafe(
      `INSERT INTO processed_event (consumer_group, event_id, topic, attempts, processed_at)
       SELECT $1, gen_random_uuid(), 'ledger.credited', 1, now() - make_interval(hours => $2::int)
       FROM generate_series(1, $3::int)`,
      group,
      hoursAgo,
      count,
    );

  it('deletes published outbox rows and processed events past retention, keeps younger ones and every unpublished row, with two instances purging at once', async () => {
    await addOutboxRows(1500, 'old-published', 400, outboxHours + 1);
    await addOutboxRows(20, 'young-published', outboxHours + 50, outboxHours - 1);
    await addOutboxRows(7, 'old-unpublished', 400, null);
    await addProcessedEvents(1500, 'old-group', processedEventHours + 1);
    await addProcessedEvents(30, 'young-group', processedEventHours - 1);

    const first = instancePurge(db.url, 100);
    const second = instancePurge(db.url, 100);
    try {
      const [a, b] = await Promise.all([first.purge.purgeNow(), second.purge.purgeNow()]);

      expect((a['published outbox rows'] ?? 0) + (b['published outbox rows'] ?? 0)).toBe(1500);
      expect((a['processed events'] ?? 0) + (b['processed events'] ?? 0)).toBe(1500);
      const outbox = await db.prisma.outboxEvent.groupBy({
        by: ['topic'],
        _count: true,
        orderBy: { topic: 'asc' },
      });
      expect(outbox.map((row) => [row.topic, row._count])).toEqual([
        ['old-unpublished', 7],
        ['young-published', 20],
      ]);
      const processed = await db.prisma.processedEvent.groupBy({
        by: ['consumerGroup'],
        _count: true,
      });
      expect(processed.map((row) => [row.consumerGroup, row._count])).toEqual([
        ['young-group', 30],
      ]);

      expect(await first.purge.purgeNow()).toEqual({
        'published outbox rows': 0,
        'processed events': 0,
      });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('reports its runs to /health: how many rows each run purged, and a failing run as failing', async () => {
    await addOutboxRows(3, 'reported', 400, outboxHours + 1);
    const logger = createLogger('test-retention', { level: 'error' });
    const healthy = new RetentionPurge({
      targets: [publishedOutboxRetention(db.prisma, outboxHours)],
      intervalMs: 60_000,
      firstRunDelayMs: 0,
      logger,
    });
    healthy.start();
    await expect
      .poll(() => healthy.report().detail, { timeout: 10_000 })
      .toMatch(/purged 3 published outbox rows/);
    expect(healthy.report()).toMatchObject({ ok: true, state: 'idle' });
    await healthy.stop();
    expect(healthy.report()).toMatchObject({ ok: false, state: 'stopped' });

    const broken = new RetentionPurge({
      targets: [
        {
          name: 'rows of a dropped table',
          purgeBatch: () => db.prisma.$executeRawUnsafe('DELETE FROM no_such_table'),
        },
      ],
      intervalMs: 60_000,
      firstRunDelayMs: 0,
      logger,
    });
    broken.start();
    await expect.poll(() => broken.report().state, { timeout: 10_000 }).toBe('failing');
    expect(broken.report().lastError).toMatch(/no_such_table/);
    await broken.stop();
  });
});

describe('topic retention', () => {
  it('creates topics with the given retention and one-hour segments, and moves an existing topic to it', async () => {
    const kafka = createKafkaClient({
      clientId: 'retention-test',
      brokers: stackServers().kafkaBrokers,
      logger: createLogger('test-retention', { level: 'error' }),
    });
    const topic = `rt-retention-${randomUUID().slice(0, 8)}`;
    const configOf = async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            {
              type: kafkajs.ConfigResourceTypes.TOPIC,
              name: topic,
              configNames: ['retention.ms', 'segment.ms'],
            },
          ],
        });
        return Object.fromEntries(
          resources[0]!.configEntries.map((entry) => [entry.configName, entry.configValue]),
        );
      } finally {
        await admin.disconnect();
      }
    };

    expect(await ensureTopics(kafka, [topic], 1, 24)).toEqual([topic]);
    expect(await configOf()).toEqual({
      'retention.ms': String(24 * 3_600_000),
      'segment.ms': '3600000',
    });
    expect(await ensureTopics(kafka, [topic], 1, 48)).toEqual([]);
    expect(await configOf()).toEqual({
      'retention.ms': String(48 * 3_600_000),
      'segment.ms': '3600000',
    });
  });
});
