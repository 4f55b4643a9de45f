import { randomUUID } from 'node:crypto';
import { headerNames } from '@food/contracts';
import type { IHeaders, Producer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { namespaced, replayDeadLetters } from '../src/index.js';
import { sendAllowingNullHeaders } from './support/null-headers.js';
import { createLedgerKafka, creditEvent, ledgerTopics, startLedgerConsumer, type LedgerKafka } from './support/ledger.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';
import { eventually } from './support/eventually.js';
import { writerThatNeverDuplicates } from './support/test-writer.js';

/** Headers as Kafka allows them and kafkajs's types do not: null values. */
type RawHeaders = Record<string, string | Buffer | null | Array<string | Buffer>>;
const withNulls = (headers: RawHeaders) => headers as unknown as IHeaders;

describe('records nobody should write, written anyway', () => {
  const db = ledgerDatabaseForSuite('hostile');
  let bus: LedgerKafka;
  let producer: Producer;
  let ledger: Awaited<ReturnType<typeof startLedgerConsumer>> | undefined;

  afterEach(async () => {
    await ledger?.stop();
    ledger = undefined;
    await producer?.disconnect();
  });

  async function start(options: Parameters<typeof startLedgerConsumer>[2] = {}) {
    bus = await createLedgerKafka('hostile');
    producer = writerThatNeverDuplicates(bus.kafka);
    await producer.connect();
    ledger = await startLedgerConsumer(db, bus, options);
    return ledger;
  }
  const topic = (name: string) => namespaced(bus.namespace, name);
  const account = (id: string) => db.prisma.account.findUnique({ where: { id } });

  it('applies a valid event whose headers are null, empty, not UTF-8, huge or repeated, once, with a trace of what was ignored', async () => {
    const { consumer } = await start();
    const event = creditEvent('acct-odd-headers', 1, 5);
    await sendAllowingNullHeaders(() =>
      producer.send({
        topic: topic(ledgerTopics.credited),
        messages: [
          {
            key: event.key,
            value: event.value,
            headers: withNulls({
              traceparent: null,
              [headerNames.correlationId]: Buffer.from([0xff, 0xfe, 0xfd]),
              [headerNames.attempt]: ['2', '3'],
              'x-empty': '',
              'x-huge': 'h'.repeat(200_000),
              [headerNames.replayOf]: null,
            }),
          },
        ],
      }),
    );
    await sendAllowingNullHeaders(() =>
      producer.send({
        topic: topic(ledgerTopics.credited),
        messages: [
          {
            key: 'null-header-poison',
            value: 'not json',
            headers: withNulls({ traceparent: null, 'x-kept': 'kept' }),
          },
        ],
      }),
    );
    await eventually(
      async () => (await account('acct-odd-headers'))?.appliedCount === 1,
      20_000,
      'the event applied',
    );
    const letter = await eventually(
      () => db.prisma.deadLetter.findFirst({ where: { messageKey: 'null-header-poison' } }),
      20_000,
      'the poison stored',
    );
    expect(letter.headers).toMatchObject({
      'x-kept': 'kept',
      [headerNames.deadLetter.nullHeaders]: 'traceparent',
    });
    expect(consumer.stats()).toMatchObject({ processed: 1, deadLettered: 1 });
    expect(consumer.report()).toMatchObject({ ok: true, state: 'running', restarts: 0 });
  });

  it('starts at attempt 1 when x-attempt is out of range (huge, 4, 0, negative, text) and honours an attempt in range', async () => {
    await start();
    const cases = {
      huge: '99999999999999999999',
      four: '4',
      zero: '0',
      negative: '-1',
      text: 'two',
      spaced: ' 2',
      two: '2',
    };
    const events = Object.entries(cases).map(([name, attempt]) => ({
      attempt,
      event: creditEvent(`acct-attempt-${name}`, 1),
    }));
    await producer.send({
      topic: topic(ledgerTopics.credited),
      messages: events.map(({ attempt, event }) => ({
        key: event.key,
        value: event.value,
        headers: { [headerNames.attempt]: attempt },
      })),
    });
    const processed = await eventually(async () => {
      const rows = await db.prisma.processedEvent.findMany({
        where: { eventId: { in: events.map(({ event }) => event.eventId) } },
      });
      return rows.length === events.length && rows;
    });
    const attemptsOf = (name: string) =>
      processed.find(
        (row) =>
          row.eventId ===
          events.find(({ event }) => event.key === `acct-attempt-${name}`)?.event.eventId,
      )?.attempts;
    for (const name of ['huge', 'four', 'zero', 'negative', 'text', 'spaced'])
      expect(attemptsOf(name), name).toBe(1);
    expect(attemptsOf('two')).toBe(2);
    expect(
      await db.prisma.deadLetter.count({ where: { messageKey: { startsWith: 'acct-attempt-' } } }),
    ).toBe(0);
  });

  it('dead-letters a value and a key near the broker limit: stored in full, a truncated copy on the topic, later events flow', async () => {
    const { consumer, store } = await start();
    const hugeValue = Buffer.alloc(1_047_000, 0x61); // not JSON, and with the DLQ headers beyond the broker's limit
    const hugeKey = Buffer.alloc(1_000_000, 0x6b); // the dead letter's headers take it past the limit
    const after = creditEvent('acct-after-huge', 1, 3);
    await producer.send({
      topic: topic(ledgerTopics.credited),
      messages: [{ key: 'huge-value', value: hugeValue, partition: 0 }],
    });
    await producer.send({
      topic: topic(ledgerTopics.credited),
      messages: [{ key: hugeKey, value: 'not json', partition: 0 }],
    });
    await producer.send({
      topic: topic(ledgerTopics.credited),
      messages: [{ key: after.key, value: after.value, partition: 0 }],
    });
    await eventually(
      async () => (await account('acct-after-huge'))?.appliedCount === 1,
      60_000,
      'the event behind them applied',
    );
    const rows = await eventually(
      async () => {
        const found = await db.prisma.deadLetter.findMany({
          where: { messageKey: { in: ['huge-value', hugeKey.toString()] } },
          orderBy: { originalOffset: 'asc' },
        });
        return found.length === 2 && found.every((row) => row.dlqOffset >= 0n) && found;
      },
      20_000,
      'both stored, with their DLQ position',
    );
    expect(Buffer.from(rows[0]!.value).equals(hugeValue)).toBe(true);
    expect(rows[0]!.messageKey).toBe('huge-value');
    expect(rows[0]!.errorClass).toBe('NOT_JSON');
    expect(Buffer.from(rows[1]!.keyBytes!).equals(hugeKey)).toBe(true);
    expect(
      rows.map((row) => (row.headers as Record<string, string>)[headerNames.deadLetter.truncated]),
    ).toEqual(['true', 'true']);
    expect(consumer.stats().deadLettered).toBe(2);
    expect(consumer.report().ok).toBe(true);
    expect(store.report().ok).toBe(true);
  }, 90_000);

  it('stores forged dead letters with absurd numbers, null and garbled headers, and the ones behind them', async () => {
    const { store } = await start();
    const dlq = headerNames.deadLetter;
    const forged: RawHeaders[] = [
      {
        [dlq.attempts]: '99999999999999999999',
        [dlq.originalPartition]: '99999999999',
        [dlq.originalOffset]: '-5',
      },
      {
        [dlq.failedAt]: 'yesterday',
        [dlq.id]: 'not-a-uuid',
        [dlq.errorClass]: null,
        [dlq.originalTopic]: null,
      },
      {
        [dlq.errorMessage]: Buffer.from([0x00, 0xff, 0xc3]),
        [dlq.consumerGroup]: 'g'.repeat(100_000),
        'x-null': null,
      },
      { [dlq.originalTopic]: 'no.such.topic', [dlq.attempts]: '2', [dlq.failedAt]: '9999-99-99' },
    ];
    await sendAllowingNullHeaders(() =>
      producer.send({
        topic: topic(ledgerTopics.deadLetters),
        messages: forged.map((headers, index) => ({
          key: `forged-${index}`,
          value: `forged ${index}`,
          partition: 0,
          headers: withNulls(headers),
        })),
      }),
    );
    const rows = await eventually(
      async () => {
        const found = await db.prisma.deadLetter.findMany({
          where: { messageKey: { startsWith: 'forged-' } },
          orderBy: { dlqOffset: 'asc' },
        });
        return found.length === forged.length && found;
      },
      20_000,
      'every forged dead letter stored',
    );
    expect(rows.map((row) => [row.attempts, row.originalPartition, row.originalOffset])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [2, null, null],
    ]);
    expect(rows[1]!.errorClass).toBe('UNKNOWN');
    expect(rows[3]!.originalTopic).toBe('no.such.topic');
    expect(store.report()).toMatchObject({ ok: true, state: 'running' });
  });

  describe('replay', () => {
    const route = () => ({
      replayTopic: ledgerTopics.replays,
      consumedTopics: [ledgerTopics.credited],
    });

    async function deadLetterOf(key: string | null, accountId: string) {
      const event = creditEvent(accountId, 1, 4);
      const valueOnly = { ...JSON.parse(event.value.toString()), payload: { accountId } }; // invalid: no sequence, no amount
      await producer.send({
        topic: topic(ledgerTopics.credited),
        messages: [{ key, value: JSON.stringify(valueOnly) }],
      });
      return eventually(
        () => db.prisma.deadLetter.findFirst({ where: { eventId: event.eventId } }),
        20_000,
        'the dead letter',
      );
    }

    it('goes back to the group that failed it only, with its key as it was: null stays null', async () => {
      await start();
      const seenByOthers: string[] = [];
      const other = bus.kafka.consumer({
        groupId: namespaced(bus.namespace, `another-group-${randomUUID()}`),
      });
      await other.connect();
      await other.subscribe({ topics: [topic(ledgerTopics.credited)], fromBeginning: true });
      await other.run({
        eachMessage: async ({ message }) => {
          if (message.headers?.[headerNames.replayOf])
            seenByOthers.push(String(message.headers[headerNames.replayOf]));
        },
      });
      try {
        const letter = await deadLetterOf(null, 'acct-null-key');
        expect(letter.messageKey).toBeNull();
        const result = await replayDeadLetters(db.prisma, [letter.id], route(), {
          requestedBy: 'ops@example.test',
        });
        expect(result.replayed).toEqual([letter.id]);
        const replayed: Array<{ key: Buffer | null; headers: IHeaders }> = [];
        const reader = bus.kafka.consumer({ groupId: `reader-${randomUUID()}` });
        await reader.connect();
        await reader.subscribe({ topics: [topic(ledgerTopics.replays)], fromBeginning: true });
        await reader.run({
          eachMessage: async ({ message }) =>
            void replayed.push({ key: message.key, headers: message.headers ?? {} }),
        });
        await eventually(
          async () => replayed.length === 1,
          20_000,
          'the replay on the replay topic',
        );
        await reader.disconnect();
        expect(replayed[0]!.key).toBeNull();
        expect(String(replayed[0]!.headers[headerNames.replayTopic])).toBe(ledgerTopics.credited);
        // The ledger's consumer read it (and failed it again, as a dead letter linked to the first).
        await eventually(
          () => db.prisma.deadLetter.findFirst({ where: { replayOf: letter.id } }),
          20_000,
          'the replay failed again',
        );
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(seenByOthers).toEqual([]);
      } finally {
        await other.disconnect();
      }
    });

    it('publishes once for a double and for five concurrent replays', async () => {
      await start();
      const letter = await deadLetterOf('acct-concurrent', 'acct-concurrent');
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          replayDeadLetters(db.prisma, [letter.id], route(), { requestedBy: 'ops@example.test' }),
        ),
      );
      expect(results.flatMap((result) => result.replayed)).toEqual([letter.id]);
      expect(results.flatMap((result) => result.skipped.map((skip) => skip.reason))).toEqual(
        Array.from({ length: 4 }, () => expect.stringContaining('already replayed')),
      );
      const again = await replayDeadLetters(db.prisma, [letter.id], route(), {
        requestedBy: 'ops@example.test',
      });
      expect(again.replayed).toEqual([]);
      const queued = await db.prisma.outboxEvent.count({
        where: {
          topic: ledgerTopics.replays,
          headers: { path: [headerNames.replayOf], equals: letter.id },
        },
      });
      expect(queued).toBe(1);
    });

    it('refuses a dead letter whose topic the service does not consume, and dead-letters a replay record naming one', async () => {
      const { consumer } = await start();
      await producer.send({
        topic: topic(ledgerTopics.deadLetters),
        messages: [
          {
            key: 'forged-topic',
            value: 'x',
            headers: { [headerNames.deadLetter.originalTopic]: 'payments.missing' },
          },
        ],
      });
      const letter = await eventually(
        () => db.prisma.deadLetter.findFirst({ where: { messageKey: 'forged-topic' } }),
        20_000,
        'stored',
      );
      const result = await replayDeadLetters(db.prisma, [letter.id], route(), {
        requestedBy: 'ops@example.test',
      });
      expect(result).toEqual({
        replayed: [],
        skipped: [
          {
            id: letter.id,
            reason:
              'this service does not consume payments.missing: its dead letter cannot go back there',
          },
        ],
      });

      const event = creditEvent('acct-replay-elsewhere', 1);
      await producer.send({
        topic: topic(ledgerTopics.replays),
        messages: [
          {
            key: event.key,
            value: event.value,
            headers: { [headerNames.replayTopic]: ledgerTopics.recorded },
          },
        ],
      });
      const rejected = await eventually(
        () => db.prisma.deadLetter.findFirst({ where: { eventId: event.eventId } }),
        20_000,
        'dead-lettered',
      );
      expect(rejected.errorClass).toBe('INVALID_REPLAY');
      expect(await account('acct-replay-elsewhere')).toBeNull();
      expect(consumer.report().ok).toBe(true);
    });
  });
});
