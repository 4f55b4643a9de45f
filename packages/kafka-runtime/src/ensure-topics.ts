import { topicSegmentRollHours } from '@food/contracts';
import kafkajs, { type Kafka } from 'kafkajs';

// kafkajs is CommonJS, and Node finds no named export of this one in it.
const { ConfigResourceTypes } = kafkajs;

const hourMs = 3_600_000;

/** The topic settings the stack sets: how long records are kept, and segments rolled often enough to go on time. */
function topicConfig(retentionHours: number) {
  return [
    { name: 'retention.ms', value: String(retentionHours * hourMs) },
    { name: 'segment.ms', value: String(topicSegmentRollHours * hourMs) },
  ];
}

/**
 * Creates the topics that are missing (idempotent); existing topics keep their partitions. With `retentionHours`,
 * every named topic, new or existing, gets that retention (consumers' dedupe windows are checked against it).
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
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions, configEntries })), // replication: the broker's default
      });
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
