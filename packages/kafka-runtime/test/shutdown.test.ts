import { afterAll, describe, expect, it } from 'vitest';
import { namespaced } from '../src/index.js';
import { creditEvent, ledgerTopics } from './support/ledger.js';
import { exited, ledgerServiceSetup, startLedgerService } from './support/ledger-service-process.js';
import { eventually } from './support/eventually.js';
import { collectMessages } from './support/collect-messages.js';

describe('graceful shutdown', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  // With 5 ms per credit, the batched consumer (100 events a transaction, 3 partitions at once) needs seconds for
  // the burst on any machine: still at it when the signal lands.
  const burst = 1_000;

  it(`SIGTERM during a burst of ${burst} events, then a restart: every event processed exactly once and its outcome published`, async () => {
    const { db, bus, env } = await ledgerServiceSetup('shutdown', { HANDLER_DELAY_MS: '5' });
    cleanups.push(db.drop);

    const first = startLedgerService(env);
    cleanups.push(async () => void first.child.kill('SIGKILL'));
    await first.ready;

    const events = Array.from({ length: burst }, (_, i) => creditEvent(`acct-${i % 10}`, i));
    const producer = bus.kafka.producer();
    await producer.connect();
    for (let from = 0; from < burst; from += 500) {
      // In slices: one record batch per partition must stay under the broker's 1 MiB message limit.
      await producer.send({
        topic: namespaced(bus.namespace, ledgerTopics.credited),
        messages: events.slice(from, from + 500).map((event) => ({ key: event.key, value: event.value, headers: event.headers })),
      });
    }
    await producer.disconnect();

    await eventually(async () => (await db.prisma.processedEvent.count()) >= 50, 30_000, 'the burst under way');
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    const processedAtStop = await db.prisma.processedEvent.count();
    expect(first.output()).toContain('"message":"stopped"');
    expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0); // the relay flushed

    const second = startLedgerService(env);
    cleanups.push(async () => void second.child.kill('SIGKILL'));
    await second.ready;
    await eventually(async () => (await db.prisma.processedEvent.count()) === burst, 120_000, `all ${burst} processed after the restart`);
    await eventually(async () => (await db.prisma.outboxEvent.count({ where: { publishedAt: null } })) === 0, 30_000, 'outbox drained');

    const applied = await db.prisma.account.aggregate({ _sum: { appliedCount: true, balance: true } });
    expect(applied._sum).toEqual({ appliedCount: burst, balance: burst });
    expect(await db.prisma.ledgerEntry.count()).toBe(burst);
    expect(await db.prisma.deadLetter.count()).toBe(0);

    const recorded = await collectMessages(bus.kafka, namespaced(bus.namespace, ledgerTopics.recorded));
    cleanups.push(recorded.stop);
    await eventually(async () => recorded.messages.length >= burst, 30_000, `${burst} ledger.recorded published`);
    const causes = recorded.messages.map((message) => (JSON.parse(message.value) as { causationId: string }).causationId);
    expect(new Set(causes)).toEqual(new Set(events.map((event) => event.eventId)));
    expect(processedAtStop).toBeLessThan(burst); // the stop really came mid-burst

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 240_000); // two service processes start and two groups join: its waits alone allow more than the default 30 s
});
