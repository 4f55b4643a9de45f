import type { Kafka } from 'kafkajs';
import type { SqlClient } from './sql-client.js';

export interface OutboxStatus {
  backlog: number;
  oldestAgeSeconds: number;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/** Rows waiting in the outbox and how long the oldest has waited. */
export async function readOutboxStatus(database: SqlClient): Promise<OutboxStatus> {
  const rows = await database.$queryRawUnsafe<Array<{ backlog: number; oldest_age_seconds: number | null }>>(
    `SELECT count(*)::int AS backlog, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
     FROM outbox_event WHERE published_at IS NULL`,
  );
  return { backlog: rows[0]?.backlog ?? 0, oldestAgeSeconds: rows[0]?.oldest_age_seconds ?? 0 };
}

export async function readDeadLetterDepth(database: SqlClient): Promise<number> {
  const rows = await database.$queryRawUnsafe<Array<{ pending: number }>>(
    "SELECT count(*)::int AS pending FROM dead_letter WHERE status = 'PENDING'",
  );
  return rows[0]?.pending ?? 0;
}

/** How far a consumer group is behind the end of each partition of its topics (physical names). */
export async function readConsumerLag(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    const lags: PartitionLag[] = [];
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const offset = partitions.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
        // A group that never committed on a partition is behind by everything still retained there.
        const from = Number(offset) >= 0 ? Number(offset) : Number(end.low);
        lags.push({ topic, partition: end.partition, lag: Math.max(0, Number(end.high) - from) });
      }
    }
    return lags;
  } finally {
    await admin.disconnect();
  }
}
