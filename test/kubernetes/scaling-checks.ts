import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allTopics, databaseNames, defaultPartitions, serviceNames, topics } from '@food/contracts';
import { findObject, objectsOfKind, repoRoot, workloads, type Cluster } from './cluster.js';
import { type ClusterCheck, idOf, dataOf, appContainers } from './cluster-facts.js';

/** The topics a service's consumer group reads, from its handlers (apps/<service>/src/events/handlers.ts). */
export function consumedTopics(service: string): string[] {
  const source = readFileSync(
    path.join(repoRoot, `apps/${service}/src/events/handlers.ts`),
    'utf8',
  );
  return [...source.matchAll(/\[topics\.(\w+)\]/g)].map(
    (match) => topics[match[1] as keyof typeof topics],
  );
}

function topicsJobSettings(cluster: Cluster): Record<string, string> {
  const job = workloads(cluster.steps.migrations).find(
    (workload) => workload.manifest.metadata.name === 'kafka-topics',
  );
  return Object.fromEntries(
    (job?.pod.containers[0]?.env ?? []).flatMap((variable) =>
      variable.value ? [[variable.name, variable.value]] : [],
    ),
  );
}

/**
 * Gateway and web scale on CPU; payment and notification on their consumer group's lag (KEDA), for topics they
 * consume, never above the partitions the topics job creates; nothing autoscaled also fixes its replicas.
 */
export const scalingProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  const partitions = Number(topicsJobSettings(cluster).PARTITIONS);
  const autoscalers = objectsOfKind(cluster, 'HorizontalPodAutoscaler');
  for (const target of ['gateway', 'web']) {
    const hpa = autoscalers.find(
      (candidate) =>
        (candidate.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === target,
    );
    const metrics =
      (hpa?.spec as { metrics?: { resource?: { name: string } }[] } | undefined)?.metrics ?? [];
    if (!metrics.some((metric) => metric.resource?.name === 'cpu'))
      problems.push(`${target} does not scale on CPU`);
  }
  const scaledObjects = objectsOfKind(cluster, 'ScaledObject');
  for (const service of ['payment', 'notification']) {
    const scaled = scaledObjects.find(
      (candidate) =>
        (candidate.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === service,
    );
    if (!scaled) {
      problems.push(`${service} does not scale on lag`);
      continue;
    }
    const spec = scaled.spec as {
      maxReplicaCount: number;
      minReplicaCount: number;
      triggers: { type: string; metadata: Record<string, string> }[];
    };
    if (!(spec.minReplicaCount >= 1))
      problems.push(`${service} may scale to zero, and stop answering HTTP`);
    if (!(spec.maxReplicaCount <= partitions) || spec.maxReplicaCount > defaultPartitions)
      problems.push(
        `${service} may scale to ${spec.maxReplicaCount}, above the ${partitions} partitions of its topics`,
      );
    const consumed = consumedTopics(service);
    const triggered = spec.triggers.map((trigger) => trigger.metadata.topic);
    for (const trigger of spec.triggers) {
      const { consumerGroup, topic, allowIdleConsumers, bootstrapServersFromEnv } =
        trigger.metadata;
      if (trigger.type !== 'kafka')
        problems.push(`${service} scales on ${trigger.type}, not Kafka lag`);
      if (consumerGroup !== service)
        problems.push(`${service} scales on group ${consumerGroup}, not its own`);
      if (!topic || !consumed.includes(topic))
        problems.push(`${service} scales on ${topic}, which it does not consume`);
      if (allowIdleConsumers === 'true')
        problems.push(`${service} allows more instances than partitions`);
      if (bootstrapServersFromEnv !== 'KAFKA_BROKERS')
        problems.push(`${service}'s scaler does not read the brokers the service uses`);
    }
    for (const topic of consumed.filter((candidate) => !triggered.includes(candidate)))
      problems.push(`${service}'s lag on ${topic} does not scale it`);
  }
  for (const scaler of [...autoscalers, ...scaledObjects]) {
    const target = findObject(
      cluster,
      'Deployment',
      (scaler.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name,
    );
    if (target && (target.spec as { replicas?: number }).replicas !== undefined)
      problems.push(`${idOf(target)} sets replicas, which ${idOf(scaler)} owns`);
  }
  return problems;
};

/**
 * Before the platform: the topics job creates exactly the design's topics with the partition count and a replication
 * the brokers can hold, and each service with a database has its migration job; the platform step has no jobs.
 */
export const migrationProblems: ClusterCheck = (cluster) => {
  const problems: string[] = [];
  const settings = topicsJobSettings(cluster);
  const created = (settings.TOPICS ?? '').split(/\s+/).filter(Boolean).sort();
  if (created.join(' ') !== [...allTopics].sort().join(' '))
    problems.push(`the topics job creates ${created.join(' ')}, not the design's topics`);
  if (Number(settings.PARTITIONS) !== defaultPartitions)
    problems.push(
      `the topics job creates ${settings.PARTITIONS} partitions, not ${defaultPartitions}`,
    );
  const brokers = objectsOfKind(cluster, 'KafkaNodePool')
    .filter((pool) => (pool.spec as { roles: string[] }).roles.includes('broker'))
    .reduce((sum, pool) => sum + (pool.spec as { replicas: number }).replicas, 0);
  const config =
    objectsOfKind(cluster, 'Kafka').map(
      (kafka) => (kafka.spec as { kafka: { config: Record<string, unknown> } }).kafka.config,
    )[0] ?? {};
  const replication = Number(settings.REPLICATION_FACTOR);
  if (brokers !== 3) problems.push(`Kafka has ${brokers} brokers, not 3`);
  if (!(replication <= brokers) || replication !== 3)
    problems.push(`topics are replicated ${replication} times on ${brokers} brokers`);
  if (
    Number(config['min.insync.replicas']) !== 2 ||
    Number(config['default.replication.factor']) !== 3
  )
    problems.push('Kafka is not replication factor 3 with min.insync.replicas=2');
  if (config['auto.create.topics.enable'] !== false)
    problems.push('Kafka creates topics by itself');
  const migrations = appContainers({
    ...cluster,
    steps: { ...cluster.steps, platform: [], dependencies: [] },
  });
  for (const service of serviceNames) {
    if (!migrations.some(({ app, job }) => app === service && job === 'migrate'))
      problems.push(`${service} has no migration job`);
  }
  for (const manifest of cluster.steps.platform.filter((candidate) => candidate.kind === 'Job'))
    problems.push(`${idOf(manifest)} is applied with the platform, not before it`);
  for (const manifest of cluster.steps.migrations.filter(
    (candidate) => candidate.kind === 'Deployment',
  ))
    problems.push(`${idOf(manifest)} starts with the migrations`);
  return problems;
};

/** The PostgreSQL cluster has each service's database, owned by the role whose Secret the service connects with. */
export const databaseProblems: ClusterCheck = (cluster) => {
  const postgres = objectsOfKind(cluster, 'Cluster')[0];
  if (!postgres) return ['no PostgreSQL cluster'];
  const statements = (
    (postgres.spec as { bootstrap?: { initdb?: { postInitSQL?: string[] } } }).bootstrap?.initdb
      ?.postInitSQL ?? []
  ).join('\n');
  return serviceNames.flatMap((service) => {
    const secret = cluster.secrets.find(
      (candidate) => candidate.metadata.name === `${service}-database`,
    );
    const role = dataOf(secret).username ?? '';
    const database = databaseNames[service];
    const problems: string[] = [];
    if (!statements.includes(`CREATE DATABASE ${database} OWNER ${role}`))
      problems.push(`${database} is not created for ${role}`);
    if (!statements.includes(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`))
      problems.push(`${database} is open to every role`);
    return problems;
  });
};
