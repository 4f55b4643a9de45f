import { proceduresWith, type Clock } from '@food/service-kit';
import type { Database } from './db.js';
import type { FeedItem } from './feed/feed-item.js';

/** The live feed as procedures see it: the items that pass `accept`, until the signal aborts. */
export interface FeedSource {
  items(accept: (item: FeedItem) => boolean, signal: AbortSignal | undefined): AsyncGenerator<FeedItem>;
}

/** What the notification procedures work with, from their context: the HTTP server's, or a test's inner context. */
export interface NotificationDependencies {
  db: Database;
  clock: Clock;
  feed: FeedSource;
}

export const { publicProcedure, authedProcedure, adminProcedure } =
  proceduresWith<NotificationDependencies>('notification');
