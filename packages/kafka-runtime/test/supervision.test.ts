import type { ChildProcess } from 'node:child_process';
import { buildHealthReport, metricsRegistry, registerProcessLoop } from '@food/service-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { namespaced, SupervisedConsumer } from '../src/index.js';
import { createLedgerKafka, creditEvent, ledgerTopics } from './support/ledger.js';
import { ledgerServiceSetup, spawnLedgerService } from './support/ledger-service-process.js';
import { eventually } from './support/eventually.js';

async function crashCount(group: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('consumer_crashes_total')?.get();
  return metric?.values.find((value) => value.labels.group === group)?.value ?? 0;
}

describe('a consumer that dies is seen and brought back', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('restarts a consumer kafkajs gave up on (a TypeError outside any handler); health is degraded meanwhile, then ok', async () => {
    const bus = await createLedgerKafka('supervised');
    const groupId = namespaced(bus.namespace, 'supervised');
    let defects = 1;
    const seen: string[] = [];
    const supervised = new SupervisedConsumer({
      kafka: bus.kafka,
      groupId,
      topics: [namespaced(bus.namespace, ledgerTopics.credited)],
      logger: bus.logger,
      run: {
        eachMessage: async ({ message }) => {
          if (defects-- > 0)
            throw new TypeError("Cannot read properties of null (reading 'toString')");
          seen.push(message.key?.toString() ?? '');
        },
      },
    });
    const forget = registerProcessLoop(`consumer ${groupId}`, () => supervised.report());
    cleanups.push(
      async () => forget(),
      () => supervised.stop(),
    );
    await supervised.start();
    await eventually(
      async () => supervised.report().state === 'running',
      30_000,
      'the group joined',
    );
    expect((await buildHealthReport('ledger', {})).status).toBe('ok');

    const producer = bus.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: namespaced(bus.namespace, ledgerTopics.credited),
      messages: [{ key: 'first', value: 'x' }],
    });
    await producer.disconnect();
    const sent = Date.now();
    const degraded = await eventually(
      async () => {
        const report = await buildHealthReport('ledger', {});
        return report.status === 'degraded' && report;
      },
      10_000,
      'health to say the consumer is down',
    );
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(degraded.loops?.find((loop) => loop.name === `consumer ${groupId}`)).toMatchObject({
      ok: false,
      lastError: expect.stringContaining('TypeError'),
    });
    expect(await crashCount(groupId)).toBe(1);

    await eventually(
      async () => seen.includes('first') && supervised.report().state === 'running',
      30_000,
      'restarted and consuming',
    );
    expect(supervised.report()).toMatchObject({ ok: true, restarts: 1 });
    expect((await buildHealthReport('ledger', {})).status).toBe('ok');
  }, 60_000);

  it('dead-letters a message whose handling kills the process, after three restarts, and later messages flow', async () => {
    const { db, bus, env } = await ledgerServiceSetup('killer', { KILL_ON_ACCOUNT: 'acct-killer' });
    cleanups.push(db.drop);
    const killer = creditEvent('acct-killer', 1);
    const behind = Array.from({ length: 10 }, (_, i) => creditEvent(`acct-behind-${i}`, i));
    const producer = bus.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: namespaced(bus.namespace, ledgerTopics.credited),
      messages: [killer, ...behind].map((event) => ({
        key: event.key,
        value: event.value,
        partition: 0,
      })),
    });
    await producer.disconnect();

    let deaths = 0;
    let child: ChildProcess | undefined;
    cleanups.push(async () => void child?.kill('SIGKILL'));
    const deadLetter = () => db.prisma.deadLetter.findFirst({ where: { eventId: killer.eventId } });
    for (let start = 1; start <= 6 && !(await deadLetter()); start += 1) {
      child = spawnLedgerService(env);
      const running = child;
      const outcome = await Promise.race([
        new Promise<'died'>((resolve) => running.once('exit', () => resolve('died'))),
        eventually(deadLetter, 60_000, 'the killer dead-lettered').then(
          () => 'dead-lettered' as const,
        ),
      ]);
      if (outcome === 'died') deaths += 1;
    }
    const letter = await eventually(deadLetter, 30_000, 'the killer dead-lettered');
    expect(deaths).toBe(3);
    expect(letter).toMatchObject({
      errorClass: 'KILLED_PROCESS',
      attempts: 3,
      messageKey: 'acct-killer',
    });
    await eventually(
      async () =>
        (await db.prisma.account.count({ where: { id: { startsWith: 'acct-behind-' } } })) === 10,
      30_000,
      'the messages behind it applied',
    );
    expect(await db.prisma.account.findUnique({ where: { id: 'acct-killer' } })).toBeNull();
    child?.kill('SIGTERM');
  }, 180_000);
});
