import { topicSegmentRollHours } from '@food/contracts';
import kafkajs, { type Admin, type Kafka } from 'kafkajs';

// kafkajs is CommonJS, and Node finds no named export of this one in it.
const { ConfigResourceTypes } = kafkajs;

const leaderWaitMs = 60_000;
const hourMs = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The topic settings the stack sets: how long records are kept, and segments rolled often enough to go on time. */
function topicConfig(retentionHours: number) {
  return [
    { name: 'retention.ms', value: String(retentionHours * hourMs) },
    { name: 'segment.ms', value: String(topicSegmentRollHours * hourMs) },
  ];
}

/**
 * Creates the topics that are missing (idempotent) and waits until every partition of them has a leader;
 * existing topics keep their partitions. With `retentionHours`, every named topic, new or existing, gets that
 * retention (consumers' dedupe windows are checked against it).
 */
export async function ensureTopics(
  kafka: Kafka,
  topicNames: readonly string[],
  numPartitions: number,
  retentionHours?: number,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicNames.filter((topic) => !existing.has(topic));
    const configEntries = retentionHours === undefined ? undefined : topicConfig(retentionHours);
    if (missing.length > 0) {
      await admin
        // replication: the broker's default. Leaders are waited for below: kafkajs's own wait throws
        // "This server does not host this topic-partition" from a timer, where no catch reaches it (the process dies).
        .createTopics({ waitForLeaders: false, topics: missing.map((topic) => ({ topic, numPartitions, configEntries })) })
        .catch(async (error: unknown) => {
          // A request that timed out may still have created them (its retry then finds them existing).
          const now = new Set(await admin.listTopics());
          if (!missing.every((topic) => now.has(topic))) throw error;
        });
      await untilLeadersElected(admin, missing);
    }
    const kept = topicNames.filter((topic) => existing.has(topic));
    if (configEntries && kept.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: kept.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configEntries })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until every partition has a leader. A broker answers "This server does not host this topic-partition" for
 * a topic it created a moment ago while it is busy: that is retriable, so this waits it out.
 */
async function untilLeadersElected(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + leaderWaitMs;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      const elected = metadata.topics.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (elected) return;
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`no leader for every partition of ${topics.join(', ')} within ${leaderWaitMs / 1000} s`);
    await sleep(250);
  }
}
