import type { PurgeTarget } from '@food/service-kit';
import type { SqlClient } from './sql-client.js';

/** Published outbox rows older than `hours` (rows not yet published are never purged: the relay still owes them). */
export function publishedOutboxRetention(database: SqlClient, hours: number): PurgeTarget {
  return {
    name: 'published outbox rows',
    purgeBatch: (limit) =>
      database.$executeRawUnsafe(
        `DELETE FROM outbox_event WHERE id IN (
           SELECT id FROM outbox_event WHERE published_at < now() - make_interval(hours => $1::int)
           ORDER BY published_at LIMIT $2::int FOR UPDATE SKIP LOCKED)`,
        hours,
        limit,
      ),
  };
}

/** `processed_event` rows older than `hours`: the dedupe window, which must outlast the topics' retention. */
export function processedEventRetention(database: SqlClient, hours: number): PurgeTarget {
  return {
    name: 'processed events',
    purgeBatch: (limit) =>
      database.$executeRawUnsafe(
        `DELETE FROM processed_event WHERE (consumer_group, event_id) IN (
           SELECT consumer_group, event_id FROM processed_event WHERE processed_at < now() - make_interval(hours => $1::int)
           ORDER BY processed_at LIMIT $2::int FOR UPDATE SKIP LOCKED)`,
        hours,
        limit,
      ),
  };
}
