import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@food/service-kit';
import { createKafkaClient, namespaced, OutboxRelay, writeToOutbox } from '../src/index.js';
import { createLedgerDatabase, createLedgerKafka, creditEvent, ledgerTopics, type LedgerKafka } from './support/ledger.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';
import { stackServers } from './support/stack-servers.js';
import { eventually } from './support/eventually.js';
import { collectMessages } from './support/collect-messages.js';

describe('transactional outbox', () => {
  const db = ledgerDatabaseForSuite('outbox');
  let bus: LedgerKafka;
  const relays: OutboxRelay[] = [];
  const collectors: Array<{ stop(): Promise<void> }> = [];

  beforeAll(async () => {
    bus = await createLedgerKafka('outbox');
  });
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(collectors.map((collector) => collector.stop()));
  });

  const startRelay = async (pollIntervalMs = 60_000) => {
    const relay = new OutboxRelay({
      databaseUrl: db.url,
      kafka: bus.kafka,
      namespace: bus.namespace,
      logger: bus.logger,
      pollIntervalMs,
    });
    relays.push(relay);
    await relay.start();
    return relay;
  };
  const collect = async () => {
    const collector = await collectMessages(
      bus.kafka,
      namespaced(bus.namespace, ledgerTopics.credited),
    );
    collectors.push(collector);
    return collector.messages;
  };
  const eventIdOf = (value: string) => (JSON.parse(value) as { eventId: string }).eventId;

  it('publishes a committed event exactly once, and nothing of a rolled-back transaction', async () => {
    const messages = await collect();
    // A minute-long poll: only the commit's notification can wake the relay in time for this test.
    await startRelay();
    const rolledBack = creditEvent('acct-rollback', 1);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.account.create({ data: { id: 'acct-rollback' } });
        await writeToOutbox(tx, [rolledBack]);
        throw new Error('business rule failed after the write');
      }),
    ).rejects.toThrow('business rule failed');
    const committed = creditEvent('acct-commit', 1);
    await db.prisma.$transaction(async (tx) => {
      await tx.account.create({ data: { id: 'acct-commit' } });
      await writeToOutbox(tx, [committed]);
    });

    await eventually(async () => messages.length >= 1, 15_000, 'the committed event published');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // room for a wrong second copy to arrive
    expect(messages.map((message) => eventIdOf(message.value))).toEqual([committed.eventId]);
    expect(await db.prisma.account.findUnique({ where: { id: 'acct-rollback' } })).toBeNull();
    const unpublished = await db.prisma.outboxEvent.count({ where: { publishedAt: null } });
    expect(unpublished).toBe(0);
  });

  it('keeps per-key order across 1,000 events on 3 partitions, with two relays on one database publishing each once', async () => {
    await db.prisma.outboxEvent.deleteMany();
    const messages = await collect();
    await startRelay(500); // a second relay: both compete for the same database
    const keys = Array.from({ length: 25 }, (_, i) => `order-key-${i}`);
    const written: string[] = [];
    let sequence = 0;
    for (let batch = 0; batch < 40; batch += 1) {
      const events = keys.map((key) => creditEvent(key, sequence));
      sequence += 1;
      await db.prisma.$transaction((tx) => writeToOutbox(tx, events));
      written.push(...events.map((event) => event.eventId));
    }
    const seen = await eventually(
      async () => {
        const ours = messages.filter((message) => message.key.startsWith('order-key-'));
        return ours.length >= written.length && ours;
      },
      60_000,
      '1,000 events published',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(messages.filter((message) => message.key.startsWith('order-key-'))).toHaveLength(1000);
    expect(new Set(seen.map((message) => eventIdOf(message.value)))).toEqual(new Set(written));
    expect(new Set(seen.map((message) => message.partition)).size).toBe(3);
    for (const key of keys) {
      const sequences = seen
        .filter((message) => message.key === key)
        .map(
          (message) =>
            (JSON.parse(message.value) as { payload: { sequence: number } }).payload.sequence,
        );
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(
        new Set(seen.filter((message) => message.key === key).map((message) => message.partition))
          .size,
      ).toBe(1);
    }
    const leaders = relays.filter((relay) => relay.stats().published > 0);
    expect(leaders).toHaveLength(1);
  });

  it('hands publishing over to a standby relay when the leader stops', async () => {
    const messages = await collect();
    const [leader, standby] = relays;
    await leader!.stop();
    const event = creditEvent('acct-after-handover', 1);
    await db.prisma.$transaction((tx) => writeToOutbox(tx, [event]));
    await eventually(
      async () => messages.some((message) => eventIdOf(message.value) === event.eventId),
      20_000,
      'the standby relay to publish',
    );
    expect(standby!.stats().isLeader).toBe(true);
  });

  // The producer retries a send until the broker takes it (kafkajs's rule for an idempotent producer); a topic the
  // broker does not have keeps a send retrying just as a broker that is gone does.
  it('stops at its drain deadline while a send is still retrying, and leaves that row pending for the next relay', async () => {
    const stuck = await createLedgerDatabase('outbox_stuck');
    const lines: string[] = [];
    const logger = createLogger('test-outbox-stuck', {
      level: 'debug', // kafkajs's retried "does not host this topic-partition" is a debug line (kafkajs-log-level.ts)
      write: (line) => lines.push(line),
    });
    const kafka = createKafkaClient({
      clientId: `${bus.namespace}-stuck`,
      brokers: stackServers().kafkaBrokers,
      logger,
    });
    const relay = new OutboxRelay({
      databaseUrl: stuck.url,
      kafka,
      namespace: bus.namespace,
      logger,
      drainTimeoutMs: 500,
    });
    try {
      await relay.start();
      const event = { ...creditEvent('acct-stuck', 1), topic: 'ledger.no-such-topic' };
      await stuck.prisma.$transaction((tx) => writeToOutbox(tx, [event]));
      const retrying = () =>
        lines.some((line) => line.includes('This server does not host this topic-partition'));
      await eventually(async () => retrying(), 15_000, 'the send to retry');

      await relay.stop();

      expect(await stuck.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(1);
      expect(
        lines.some((line) => line.includes('a send was still retrying at the drain deadline')),
      ).toBe(true);
    } finally {
      await stuck.drop();
    }
  }, 30_000);

  it('starts while the broker is out of reach without throwing, reports it failing, and still stops', async () => {
    const logger = createLogger('test-outbox-unreachable', { level: 'error', write: () => {} });
    const kafka = createKafkaClient(
      { clientId: `${bus.namespace}-unreachable`, brokers: ['127.0.0.1:1'], logger },
      { retry: { retries: 0 } },
    );
    const relay = new OutboxRelay({ databaseUrl: db.url, kafka, namespace: bus.namespace, logger });

    await relay.start();
    await eventually(
      async () => relay.report().state === 'failing',
      15_000,
      'the relay to report failing',
    );

    expect(relay.report().lastError).toMatch(/ECONNREFUSED|Connection error/);
    await relay.stop();
    expect(relay.report().state).toBe('stopped');
  });
});
