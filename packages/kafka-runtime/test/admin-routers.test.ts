// The runtime's admin routers (dead letters, eventing) called through createCaller, as a service mounts them, on a
// real database and a real broker: what an admin sees and does on the console's dead-letter and system pages.
import { randomUUID } from 'node:crypto';
import { createCallerFactory, createLogger, innerContext, router, signedInUser } from '@food/service-kit';
import { outcomeOf } from '@food/service-kit/testing';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consumerGroupReader,
  createDeadLetterRouter,
  createEventingRouter,
  insertDeadLetter,
  namespaced,
  registerEventingGauges,
  type ConsumerGroupReport,
  writeToOutbox,
} from '../src/index.js';
import { deadLetter } from './support/dead-letters.js';
import { eventually } from './support/eventually.js';
import { applyCredit, createLedgerKafka, creditEvent, ledgerTopics, startLedgerConsumer, type LedgerKafka } from './support/ledger.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';
import { stackServers } from './support/stack-servers.js';
import { writerThatNeverDuplicates } from './support/test-writer.js';

const ledgerAdminRouter = router({
  ledger: router({
    deadLetters: createDeadLetterRouter({ replayTopic: ledgerTopics.replays, consumedTopics: [ledgerTopics.credited] }),
    eventing: createEventingRouter(),
  }),
});
const createCaller = createCallerFactory(ledgerAdminRouter);
const admin = signedInUser('ADMIN');
const customer = signedInUser('CUSTOMER');

describe('the dead-letter and eventing routers', () => {
  const db = ledgerDatabaseForSuite('admin_routers');
  const logger = createLogger('admin-routers-test', { level: 'error', write: () => undefined });
  let bus: LedgerKafka;
  let producer: Producer;
  let ledger: Awaited<ReturnType<typeof startLedgerConsumer>> | undefined;
  const failingAccounts = new Set<string>();

  beforeAll(async () => {
    bus = await createLedgerKafka('admin-routers', logger);
    producer = writerThatNeverDuplicates(bus.kafka);
    await producer.connect();
    const consumed = { groupId: namespaced(bus.namespace, 'ledger'), topics: [namespaced(bus.namespace, ledgerTopics.credited)] };
    registerEventingGauges({ database: db.prisma, kafka: bus.kafka, consumer: consumed, logger });
  });
  afterAll(async () => {
    await ledger?.stop();
    await producer?.disconnect();
  });

  const as = (user: ReturnType<typeof signedInUser> | null) => {
    const consumerGroups = consumerGroupReader({ service: 'ledger', brokers: stackServers().kafkaBrokers, namespace: bus.namespace, logger });
    return createCaller(innerContext({ db: db.prisma, consumerGroups }, user, logger)).ledger;
  };
  const credit = (accountId: string, amount: number) => {
    const event = creditEvent(accountId, 1, amount);
    return producer.send({
      topic: namespaced(bus.namespace, ledgerTopics.credited),
      messages: [{ key: event.key, value: event.value, headers: event.headers, partition: 0 }],
    });
  };

  it('refuse a customer (FORBIDDEN) and an anonymous caller (UNAUTHORIZED)', async () => {
    expect(await outcomeOf(as(customer).deadLetters.list({}))).toBe('FORBIDDEN');
    expect(await outcomeOf(as(customer).deadLetters.replay({ id: randomUUID() }))).toBe('FORBIDDEN');
    expect(await outcomeOf(as(customer).eventing.status())).toBe('FORBIDDEN');
    expect(await outcomeOf(as(null).eventing.consumerGroups())).toBe('UNAUTHORIZED');
    expect(await outcomeOf(as(null).deadLetters.resolve({ ids: [randomUUID()] }))).toBe('UNAUTHORIZED');
  });

  it('eventing.status answers the outbox backlog, pending dead letters and lag of a consumer that has not started', async () => {
    await credit('acct-early', 5);
    await credit('acct-early', 7);
    await db.prisma.$transaction((tx) => writeToOutbox(tx, [creditEvent('acct-outbox', 1), creditEvent('acct-outbox', 2)]));
    await insertDeadLetter(db.prisma, deadLetter({ errorMessage: 'pending one' }));

    // The lag is read from the broker, which answers for a group only once its coordinator is loaded.
    const status = await eventually(async () => {
      const answered = await as(admin).eventing.status();
      return answered.totalLag > 0 && answered;
    }, 20_000, 'the lag of the ledger group');
    expect(status).toMatchObject({ outboxBacklog: 2, deadLettersPending: 1, totalLag: 2 });
    expect(status.outboxOldestAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(status.consumerLag).toContainEqual({ topic: namespaced(bus.namespace, ledgerTopics.credited), partition: 0, lag: 2 });
  });

  it('eventing.consumerGroups and status follow the consumer once it runs: members, no lag, outbox published', async () => {
    ledger = await startLedgerConsumer(db, bus, {
      retryPolicy: { maxAttempts: 2, backoffMs: () => 20 },
      handler: async (event, tx, context) => {
        if (failingAccounts.has(event.payload.accountId)) throw new Error(`ledger closed for ${event.payload.accountId}`);
        return applyCredit(event, tx, context);
      },
    });
    const creditedPartition = (report: ConsumerGroupReport | undefined) =>
      report?.partitions.find((partition) => partition.topic === ledgerTopics.credited && partition.partition === 0);
    const group = await eventually(async () => {
      const answered = await as(admin).eventing.consumerGroups();
      const ledgerGroup = answered.find((report) => report.groupId === 'ledger');
      const credited = creditedPartition(ledgerGroup);
      return ledgerGroup?.state === 'Stable' && credited?.lag === 0 && ledgerGroup;
    }, 30_000, 'the ledger group stable, its credits committed');
    expect(group.members.length).toBe(1);
    expect(group.members[0]?.assigned).toContainEqual({ topic: ledgerTopics.credited, partition: 0 });
    expect(creditedPartition(group)?.committedOffset).toBeGreaterThanOrEqual(2);
    await eventually(async () => {
      const status = await as(admin).eventing.status();
      return status.outboxBacklog === 0 && status.totalLag === 0;
    }, 20_000, 'outbox published and no lag');
    expect(await db.prisma.account.findUnique({ where: { id: 'acct-early' } })).toMatchObject({ balance: 12 });
  });

  it('deadLetters: a failed credit is listed and inspected, replayed once fixed, and refused a second replay', async () => {
    failingAccounts.add('acct-poison');
    await credit('acct-poison', 40);
    const listed = await eventually(async () => {
      const page = await as(admin).deadLetters.list({ key: 'acct-poison' });
      return page.items.length > 0 && page;
    }, 30_000, 'the dead letter listed');
    expect(listed.total).toBe(1);
    const [item] = listed.items;
    expect(item).toMatchObject({ originalTopic: ledgerTopics.credited, status: 'PENDING' });
    expect(item?.errorMessage).toContain('ledger closed for acct-poison');
    const detail = await as(admin).deadLetters.get({ id: item!.id });
    expect(detail).toMatchObject({ id: item!.id, history: [] });

    failingAccounts.delete('acct-poison');
    expect(await as(admin).deadLetters.replay({ id: item!.id })).toEqual({ replayed: [item!.id], skipped: [] });
    await eventually(() => db.prisma.account.findUnique({ where: { id: 'acct-poison' } }), 30_000, 'the replayed credit applied');
    const replayed = await as(admin).deadLetters.get({ id: item!.id });
    expect(replayed.status).toBe('REPLAYED');
    expect(replayed.history).toContainEqual(expect.objectContaining({ action: 'REPLAY', requestedBy: admin.email }));
    expect(await outcomeOf(as(admin).deadLetters.replay({ id: item!.id }))).toBe('CONFLICT');
    expect(await outcomeOf(as(admin).deadLetters.replay({ id: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('deadLetters: resolved and discarded letters leave the pending count, and a discarded one is never replayed', async () => {
    const toResolve = deadLetter({ errorMessage: 'handled by hand' });
    const toDiscard = deadLetter({ errorMessage: 'not worth sending' });
    await insertDeadLetter(db.prisma, toResolve);
    await insertDeadLetter(db.prisma, toDiscard);
    const before = await as(admin).deadLetters.count({ status: 'PENDING' });

    expect(await as(admin).deadLetters.resolve({ ids: [toResolve.id], note: 'fixed in the database' })).toEqual({ resolved: [toResolve.id] });
    await as(admin).deadLetters.discard({ ids: [toDiscard.id], reason: 'test data' });
    expect((await as(admin).deadLetters.count({ status: 'PENDING' })).total).toBe(before.total - 2);
    expect((await as(admin).deadLetters.get({ id: toResolve.id })).status).toBe('RESOLVED');
    expect((await as(admin).deadLetters.get({ id: toDiscard.id })).status).toBe('DISCARDED');
    expect(await outcomeOf(as(admin).deadLetters.replay({ id: toDiscard.id, force: true }))).toBe('CONFLICT');
    expect(await outcomeOf(as(admin).deadLetters.discard({ ids: [toResolve.id], reason: '' }))).toBe('BAD_REQUEST');
  });
});
