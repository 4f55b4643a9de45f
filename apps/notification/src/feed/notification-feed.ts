import { EventEmitter, on } from 'node:events';
import type { Logger } from '@food/service-kit';
import pg from 'pg';
import { feedChannel, type FeedItem } from './feed-item.js';

/**
 * The live feed of this instance: one LISTEN connection receives every committed notification of the database
 * (written by whichever instance consumed the event) and hands it to this instance's subscribers.
 */
export class NotificationFeed {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | undefined;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 3000 });
    client.on('notification', (message) => {
      if (!message.payload) return;
      try {
        this.emitter.emit('item', JSON.parse(message.payload) as FeedItem);
      } catch (error) {
        this.logger.warn('live feed: unreadable notification payload', { error });
      }
    });
    client.on('error', (error) => {
      this.logger.warn('live feed: connection lost; reconnecting', { error });
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.start().catch(() => undefined), 1000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${feedChannel}`);
      this.client = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn('live feed: cannot listen yet; retrying', { error });
      setTimeout(() => void this.start().catch(() => undefined), 1000);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.emitter.emit('close');
    await this.client?.end().catch(() => undefined);
  }

  /** Feed items as they come, those `accept` lets through, until the signal aborts. */
  async *items(accept: (item: FeedItem) => boolean, signal: AbortSignal | undefined): AsyncGenerator<FeedItem> {
    for await (const [item] of on(this.emitter, 'item', { signal }) as AsyncIterable<[FeedItem]>) {
      if (accept(item)) yield item;
    }
  }
}
