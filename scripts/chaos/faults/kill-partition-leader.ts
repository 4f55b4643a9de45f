import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import { brokerPids, startKafka, waitForKafka } from '../../kafka.mjs';
import { check, say, seconds, sleep, type Check } from '../check.js';
import type { Fault, FaultDeps } from '../fault.js';

interface Leadership {
  nodeId: number;
  led: number;
  partitions: number;
  /** Partitions with fewer than three replicas, or fewer than three in sync, before the kill. */
  underReplicated: number;
}

/** The broker leading the most partitions of the topic (kafkajs admin metadata), and how the topic is replicated. */
async function findBusiestLeader({ stack }: FaultDeps, topic: string): Promise<Leadership> {
  const kafka = createKafkaClient({
    clientId: 'chaos-leader-kill',
    brokers: stack.settings.kafkaBrokers.split(','),
    logger: createLogger('chaos', { level: 'error' }),
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    const partitions = metadata?.partitions ?? [];
    const ledBy = new Map<number, number>();
    for (const partition of partitions) ledBy.set(partition.leader, (ledBy.get(partition.leader) ?? 0) + 1);
    const [nodeId, led] = [...ledBy].sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
    const underReplicated = partitions.filter((p) => p.replicas.length < 3 || p.isr.length < 3).length;
    return { nodeId, led, partitions: partitions.length, underReplicated };
  } finally {
    await admin.disconnect();
  }
}

const terminalOrders = ({ db, started }: FaultDeps) =>
  db.count('order', "SELECT count(*)::int AS n FROM customer_order WHERE status <> 'PENDING_PAYMENT' AND created_at >= $1", [
    new Date(started),
  ]);

/**
 * On the 3-broker cluster: SIGKILL the broker leading the most partitions of order.created, let the saga go on
 * without it for `downMs`, then start it again. With replication 3 and min.insync.replicas 2 nothing acknowledged
 * is lost and writes go on; the run's invariants say whether that held.
 */
export const killPartitionLeaderFault = (deps: FaultDeps, at: number, downMs: number): Fault => ({
  at,
  name: `SIGKILL the broker leading the most order.created partitions, restart it ${downMs / 1000} s later`,
  inject: async (): Promise<Check[]> => {
    const topic = namespaced(deps.stack.settings.kafkaNamespace, 'order.created');
    const leader = await findBusiestLeader(deps, topic);
    const pid = brokerPids().get(leader.nodeId);
    if (pid === undefined) return [check('the partition leader was a broker of this run, and was killed', 1, `leader ${leader.nodeId}`)];
    process.kill(pid, 'SIGKILL');
    say(`    broker ${leader.nodeId} (pid ${pid}) led ${leader.led} of ${leader.partitions} partitions; killed`);
    const killedAt = Date.now();
    const terminalAtKill = await terminalOrders(deps);
    await sleep(downMs);
    await startKafka({ wait: false });
    await waitForKafka(90_000);
    // Until the restarted broker was ready the cluster ran on two: its leaderships moved once the controller missed
    // its heartbeats (broker.session.timeout.ms, 9 s), and the clients found the new leaders.
    const wentOn = (await terminalOrders(deps)) - terminalAtKill;
    const withoutItMs = Date.now() - killedAt;
    return [
      check('order.created replicated on 3 brokers, all in sync, before the kill', leader.underReplicated, `${leader.partitions} partitions`),
      check(
        'the saga went on while the killed broker was away (orders became terminal)',
        wentOn > 0 ? 0 : 1,
        `${wentOn} orders in ${seconds(withoutItMs)} without it`,
      ),
    ];
  },
});
