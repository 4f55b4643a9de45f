import type { SqlClient } from './sql-client.js';

/**
 * Durable note of where each partition's work starts, so a message that kills its process is recognised after a
 * restart: the process dies before committing, the partition restarts at the same offset, and the count grows.
 * One statement per batch (per message only while a partition is being careful), committed before the work.
 * Returns how many times work has started at this offset without the partition moving past it.
 */
export async function markStarted(
  database: SqlClient,
  mark: { consumerGroup: string; topic: string; partition: number; offset: string },
): Promise<number> {
  const rows = await database.$queryRawUnsafe<Array<{ starts: number }>>(
    `INSERT INTO consumer_in_flight AS mark (consumer_group, topic, partition, start_offset, starts)
     VALUES ($1, $2, $3, $4::bigint, 1)
     ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET
       starts = CASE WHEN mark.start_offset = EXCLUDED.start_offset THEN mark.starts + 1 ELSE 1 END,
       start_offset = EXCLUDED.start_offset, started_at = now()
     RETURNING starts`,
    mark.consumerGroup,
    mark.topic,
    mark.partition,
    mark.offset,
  );
  return rows[0]?.starts ?? 1;
}
