import type { Kafka } from 'kafkajs';

/** Creates the topics that are missing (idempotent); existing topics keep their partitions. */
export async function ensureTopics(kafka: Kafka, topicNames: readonly string[], numPartitions: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicNames.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions })), // replication: the broker's default
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
