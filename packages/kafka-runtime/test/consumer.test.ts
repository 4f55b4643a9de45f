import { headerNames } from '@food/contracts';
import { connectOnce } from '@food/service-kit';
import type { Producer } from 'kafkajs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  namespaced,
  replayDeadLetters,
  type RetryPolicy,
} from '../src/index.js';
import { applyCredit, createLedgerKafka, creditEvent, ledgerTopics, startLedgerConsumer, type LedgerKafka } from './support/ledger.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';
import { stackServers } from './support/stack-servers.js';
import { eventually } from './support/eventually.js';
import { writerThatNeverDuplicates } from './support/test-writer.js';

const quickRetries: RetryPolicy = { maxAttempts: 3, backoffMs: () => 50 };
const ledgerRoute = { replayTopic: ledgerTopics.replays, consumedTopics: [ledgerTopics.credited] };

describe('idempotent consumer, retries and dead letters', () => {
  const db = ledgerDatabaseForSuite('consumer');
  let bus: LedgerKafka;
  let producer: Producer;
  let running: Array<{ stop(): Promise<void> }> = [];
  /** Accounts whose credit fails: the number of failures left (Infinity: always). */
  const failuresLeft = new Map<string, number>();

  afterEach(async () => {
    await Promise.all(running.map((item) => item.stop()));
    running = [];
    await producer?.disconnect();
  });

  /** The ledger service on a namespace of its own (or on `existing`, where a test wrote records first). */
  async function startLedgerService(existing?: LedgerKafka) {
    bus = existing ?? (await createLedgerKafka('consumer'));
    producer = writerThatNeverDuplicates(bus.kafka);
    await producer.connect();
    const ledger = await startLedgerConsumer(db, bus, {
      retryPolicy: quickRetries,
      handler: async (event, tx, context) => {
        const left = failuresLeft.get(event.payload.accountId) ?? 0;
        if (left > 0) {
          failuresLeft.set(event.payload.accountId, left - 1);
          throw new Error(`ledger rejected ${event.payload.accountId} (attempt ${context.attempt})`);
        }
        return applyCredit(event, tx, context);
      },
    });
    running.push(ledger);
    return ledger.consumer;
  }

  const send = (messages: Array<{ key: string; value: Buffer | string; partition?: number; headers?: Record<string, string> }>) =>
    producer.send({ topic: namespaced(bus.namespace, ledgerTopics.credited), messages });
  const account = (id: string) => db.prisma.account.findUnique({ where: { id } });

  it('applies an event delivered five times once, and counts the duplicates', async () => {
    const consumer = await startLedgerService();
    const event = creditEvent('acct-dup', 1, 10);
    await send(Array.from({ length: 5 }, () => ({ key: event.key, value: event.value })));
    await eventually(async () => consumer.stats().processed + consumer.stats().duplicates === 5, 20_000, 'five deliveries');
    expect(await account('acct-dup')).toMatchObject({ balance: 10, appliedCount: 1 });
    expect(consumer.stats()).toMatchObject({ processed: 1, duplicates: 4, deadLettered: 0 });
  });

  it('retries a handler that fails twice and records attempts=3 with the effect applied once', async () => {
    const consumer = await startLedgerService();
    failuresLeft.set('acct-flaky', 2);
    const event = creditEvent('acct-flaky', 1, 7);
    await send([{ key: event.key, value: event.value }]);
    await eventually(async () => consumer.stats().processed === 1, 20_000, 'the flaky event processed');
    const processed = await db.prisma.processedEvent.findFirst({ where: { eventId: event.eventId } });
    expect(processed?.attempts).toBe(3);
    expect(await account('acct-flaky')).toMatchObject({ balance: 7, appliedCount: 1 });
    expect(consumer.stats()).toMatchObject({ retries: 2, deadLettered: 0 });
  });

  it('dead-letters an always-failing event with every header while its partition keeps serving other keys', async () => {
    const consumer = await startLedgerService();
    failuresLeft.set('acct-poison', Number.POSITIVE_INFINITY);
    const poison = creditEvent('acct-poison', 1);
    const others = Array.from({ length: 20 }, (_, i) => creditEvent(`acct-neighbour-${i}`, 1));
    // All on partition 0, the poison first: the others wait at most the retry budget behind it.
    await send([poison, ...others].map((event) => ({ key: event.key, value: event.value, headers: event.headers, partition: 0 })));
    await eventually(async () => consumer.stats().processed === 20 && consumer.stats().deadLettered === 1, 20_000, 'poison dead-lettered, others processed');

    const stored = await eventually(() => db.prisma.deadLetter.findFirst({ where: { eventId: poison.eventId } }), 20_000, 'the dead letter stored');
    expect(stored).toMatchObject({
      originalTopic: ledgerTopics.credited,
      originalPartition: 0,
      messageKey: 'acct-poison',
      consumerGroup: namespaced(bus.namespace, 'ledger'),
      errorClass: 'HANDLER_FAILED',
      attempts: 3,
      status: 'PENDING',
    });
    expect(stored.errorMessage).toContain('ledger rejected acct-poison');
    expect(Buffer.from(stored.value).equals(poison.value)).toBe(true);
    const headers = stored.headers as Record<string, string>;
    const { truncated: _truncated, originalBytes: _originalBytes, nullHeaders: _nullHeaders, ...everyCopyHas } = headerNames.deadLetter;
    for (const name of Object.values(everyCopyHas)) expect(headers[name], name).toBeTruthy();
    expect(headers[headerNames.deadLetter.truncated]).toBeUndefined();
    expect(headers[headerNames.correlationId]).toBeTruthy();
    expect(await account('acct-poison')).toBeNull();
  });

  it('applies a batch in one go, and a poison in its middle costs its neighbours nothing: each applied once, at attempt 1', async () => {
    failuresLeft.set('acct-batch-poison', Number.POSITIVE_INFINITY);
    failuresLeft.set('acct-batch-flaky', 1);
    const before = Array.from({ length: 15 }, (_, i) => creditEvent(`acct-batch-before-${i}`, 1));
    const after = Array.from({ length: 15 }, (_, i) => creditEvent(`acct-batch-after-${i}`, 1));
    const poison = creditEvent('acct-batch-poison', 1);
    const flaky = creditEvent('acct-batch-flaky', 1);
    const events = [...before, poison, ...after.slice(0, 7), flaky, ...after.slice(7)];
    // Written before the consumer starts, on one partition: its first fetch holds them all in one batch.
    bus = await createLedgerKafka('consumer');
    producer = writerThatNeverDuplicates(bus.kafka);
    await producer.connect();
    await send(
      events.map((event) => ({
        key: event.key,
        value: event.value,
        headers: event.headers,
        partition: 1,
      })),
    );
    await producer.disconnect();
    const consumer = await startLedgerService(bus);
    await eventually(
      async () =>
        consumer.stats().processed === events.length - 1 && consumer.stats().deadLettered === 1,
      30_000,
      'the batch applied and its poison dead-lettered',
    );
    const rows = await db.prisma.processedEvent.findMany({
      where: { eventId: { in: events.map((event) => event.eventId) } },
    });
    const attempts = new Map(rows.map((row) => [row.eventId, row.attempts]));
    for (const event of [...before, ...after])
      expect(attempts.get(event.eventId), event.key).toBe(1);
    expect(attempts.get(flaky.eventId)).toBe(2);
    const accounts = await db.prisma.account.findMany({
      where: { id: { startsWith: 'acct-batch-' } },
    });
    expect(accounts).toHaveLength(31);
    expect(accounts.every((account) => account.appliedCount === 1)).toBe(true);
    const stored = await eventually(
      () => db.prisma.deadLetter.findFirst({ where: { eventId: poison.eventId } }),
      20_000,
      'the poison stored',
    );
    expect(stored).toMatchObject({
      errorClass: 'HANDLER_FAILED',
      attempts: 3,
      messageKey: 'acct-batch-poison',
    });
    expect(consumer.stats()).toMatchObject({ retries: 3, duplicates: 0 });
  });

  it('dead-letters malformed messages at once, naming the reason', async () => {
    const consumer = await startLedgerService();
    const valid = creditEvent('acct-ok', 1);
    const envelope = JSON.parse(valid.value.toString()) as Record<string, unknown>;
    await send([
      { key: 'a', value: 'not json at all' },
      { key: 'b', value: JSON.stringify({ hello: 'world' }) },
      { key: 'c', value: JSON.stringify({ ...envelope, eventId: crypto.randomUUID(), version: 99 }) },
      { key: 'd', value: JSON.stringify({ ...envelope, eventId: crypto.randomUUID(), payload: { accountId: 5 } }) },
      { key: valid.key, value: valid.value },
    ]);
    await eventually(async () => consumer.stats().deadLettered === 4 && consumer.stats().processed === 1, 20_000, 'four dead letters');
    const letters = await eventually(async () => {
      const rows = await db.prisma.deadLetter.findMany({ where: { messageKey: { in: ['a', 'b', 'c', 'd'] } }, orderBy: { messageKey: 'asc' } });
      return rows.length === 4 && rows;
    });
    expect(letters.map((letter) => [letter.messageKey, letter.errorClass, letter.attempts])).toEqual([
      ['a', 'NOT_JSON', 1],
      ['b', 'INVALID_ENVELOPE', 1],
      ['c', 'UNKNOWN_VERSION', 1],
      ['d', 'INVALID_PAYLOAD', 1],
    ]);
    expect(letters[3]!.errorMessage).toContain('payload.accountId');
  });

  it('processes a replayed dead letter once after the cause is fixed; a second replay goes only when forced, and changes nothing', async () => {
    const consumer = await startLedgerService();
    failuresLeft.set('acct-replay', Number.POSITIVE_INFINITY);
    const event = creditEvent('acct-replay', 1, 25);
    await send([{ key: event.key, value: event.value }]);
    const letter = await eventually(() => db.prisma.deadLetter.findFirst({ where: { eventId: event.eventId } }), 20_000, 'dead letter');

    failuresLeft.delete('acct-replay'); // the cause is fixed
    const first = await replayDeadLetters(db.prisma, [letter.id], ledgerRoute, { requestedBy: 'admin@example.test' });
    expect(first.replayed).toEqual([letter.id]);
    await eventually(async () => (await account('acct-replay'))?.appliedCount === 1, 20_000, 'the replay applied');
    const processed = await db.prisma.processedEvent.findFirst({ where: { eventId: event.eventId } });
    expect(processed?.attempts).toBe(1); // a replay starts with a fresh attempt count

    const again = await replayDeadLetters(db.prisma, [letter.id], ledgerRoute, { requestedBy: 'admin@example.test' });
    expect(again).toEqual({ replayed: [], skipped: [{ id: letter.id, reason: expect.stringContaining('already replayed') }] });
    await replayDeadLetters(db.prisma, [letter.id], ledgerRoute, { requestedBy: 'admin@example.test', force: true });
    await eventually(async () => consumer.stats().duplicates === 1, 20_000, 'the forced replay skipped as a duplicate');
    expect(await account('acct-replay')).toMatchObject({ balance: 25, appliedCount: 1 });
    const audit = await db.prisma.deadLetterReplay.findMany({ where: { deadLetterId: letter.id } });
    expect(audit.map((row) => [row.action, row.requestedBy, row.outcome])).toEqual([
      ['REPLAY', 'admin@example.test', 'QUEUED'],
      ['REPLAY', 'admin@example.test', 'QUEUED'],
    ]);
    expect((await db.prisma.deadLetter.findUnique({ where: { id: letter.id } }))?.status).toBe('REPLAYED');
    expect(await db.prisma.deadLetter.count({ where: { eventId: event.eventId } })).toBe(1); // not dead-lettered again
  });

  it('stores a dead letter even when its DLQ offset was used before (a recreated topic), and one copy of a failure once', async () => {
    const consumer = await startLedgerService();
    const dlqTopic = namespaced(bus.namespace, ledgerTopics.deadLetters);
    // Rows left from an earlier life of the topic, at the offsets the new dead letters will get.
    for (let partition = 0; partition < 3; partition += 1) {
      for (let offset = 0; offset < 3; offset += 1) {
        await db.prisma.$executeRawUnsafe(
          `INSERT INTO dead_letter (id, dlq_topic, dlq_partition, dlq_offset, original_topic, value, headers, error_message, error_class, attempts, failed_at)
           VALUES (gen_random_uuid(), $1, $2, $3, 'ledger.credited', '\\x00'::bytea, '{}', 'from an earlier topic', 'NOT_JSON', 1, now())`,
          dlqTopic,
          partition,
          offset,
        );
      }
    }
    await send([{ key: 'recreated-topic', value: 'not json' }]);
    const letter = await eventually(
      () => db.prisma.deadLetter.findFirst({ where: { messageKey: 'recreated-topic' } }),
      20_000,
      'the new dead letter stored beside the old rows',
    );
    expect(consumer.stats().deadLettered).toBe(1);

    // The same dead letter published twice (a consumer that crashed before committing) is stored once.
    const copy = await eventually(async () => {
      const { messages } = await (async () => {
        const collected: Array<{ value: Buffer | null; headers: Record<string, string>; key: Buffer | null }> = [];
        const reader = bus.kafka.consumer({ groupId: `copy-${crypto.randomUUID()}` });
        await reader.connect();
        await reader.subscribe({ topic: dlqTopic, fromBeginning: true });
        await reader.run({
          eachMessage: async ({ message }) => {
            collected.push({
              key: message.key,
              value: message.value,
              headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
            });
          },
        });
        await eventually(async () => collected.length > 0, 15_000, 'the DLQ message read back');
        await reader.disconnect();
        return { messages: collected };
      })();
      return messages[0];
    });
    await producer.send({ topic: dlqTopic, messages: [{ key: copy.key, value: copy.value, headers: copy.headers }] });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await db.prisma.deadLetter.count({ where: { messageKey: 'recreated-topic' } })).toBe(1);
    expect(letter.id).toBe(copy.headers['x-dlq-id']);
  });

  it('waits out a database outage mid-stream: nothing dead-lettered, every event applied once', async () => {
    const consumer = await startLedgerService();
    const events = Array.from({ length: 200 }, (_, i) => creditEvent(`acct-outage-${i % 10}`, i));
    await send(events.slice(0, 100).map((event) => ({ key: event.key, value: event.value })));
    await eventually(async () => consumer.stats().processed >= 20, 20_000, 'some events processed');

    const admin = await connectOnce(stackServers().postgresUrl);
    const name = pg.escapeIdentifier(db.name);
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name]);
    await send(events.slice(100).map((event) => ({ key: event.key, value: event.value })));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    await admin.end();

    await eventually(async () => consumer.stats().processed + consumer.stats().duplicates >= 200, 60_000, 'all 200 processed');
    expect(consumer.stats().deadLettered).toBe(0);
    expect(consumer.stats().outagePauses).toBeGreaterThan(0);
    const applied = await db.prisma.account.aggregate({ where: { id: { startsWith: 'acct-outage-' } }, _sum: { appliedCount: true } });
    expect(applied._sum.appliedCount).toBe(200);
    expect(await db.prisma.ledgerEntry.count({ where: { accountId: { startsWith: 'acct-outage-' } } })).toBe(200);
  });
});
