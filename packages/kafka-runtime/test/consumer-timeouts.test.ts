import type { ConsumerConfig, Kafka } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRetryPolicy, namespaced } from '../src/index.js';
import { eventually } from './support/eventually.js';
import { createLedgerKafka, startLedgerConsumer } from './support/ledger.js';
import { ledgerDatabaseForSuite } from './support/ledger-suite.js';

/** The real client, noting the settings of every consumer asked of it. */
function noteConsumerConfigs(kafka: Kafka) {
  const configs: ConsumerConfig[] = [];
  const noting = new Proxy(kafka, {
    get(target, property) {
      if (property === 'consumer')
        return (config: ConsumerConfig) => {
          configs.push(config);
          return target.consumer(config);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { kafka: noting, configs };
}

// docs/architecture.md: "Consumers use a 10 s session timeout, so a killed instance's partitions move within
// seconds" and "Retries happen in place (3 attempts, 200 ms and 800 ms backoff)".
describe('the numbers the architecture promises for consumers', () => {
  const db = ledgerDatabaseForSuite('timeouts');
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
  });

  it('the event consumer and the dead-letter store join their groups with a 10 s session timeout', async () => {
    const bus = await createLedgerKafka('timeouts');
    const { kafka, configs } = noteConsumerConfigs(bus.kafka);
    const ledger = await startLedgerConsumer(db, { ...bus, kafka });
    stop = () => ledger.stop();
    const groups = ['ledger', 'ledger-dead-letters'].map((group) => namespaced(bus.namespace, group));
    expect(configs.map((config) => config.groupId).sort()).toEqual(groups.sort());
    for (const config of configs) expect(config).toMatchObject({ sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    // The broker took them: a session timeout outside its bounds would fail the join and crash the consumer.
    await eventually(async () => ledger.consumer.report().ok && ledger.store.report().ok, 30_000, 'both consumers running');
  });

  it('a failing handler is tried 3 times, 200 ms and then 800 ms apart', () => {
    expect(defaultRetryPolicy.maxAttempts).toBe(3);
    expect([1, 2].map((attempt) => defaultRetryPolicy.backoffMs(attempt))).toEqual([200, 800]);
  });
});
