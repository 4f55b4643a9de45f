import pg from 'pg';
import type { Kafka, Message } from 'kafkajs';
import type { LoopReport } from '@food/contracts';
import { contextFromHeaders, isConnectionProblem, SpanKind, startSpan, type Logger } from '@food/service-kit';
import { eventsPublishedTotal } from './metrics.js';
import { namespaced, withoutNamespace } from './namespace.js';
import { RenewableProducer } from './renewable-producer.js';
import { outboxChannel } from './write-outbox.js';

/** One relay per database publishes; others stand by. The key is an arbitrary constant of this runtime. */
const relayLockKey = 480_733_101;
/** Past the drain deadline, the time a send already under way gets to finish before it is abandoned. */
const abandonGraceMs = 1000;

export interface OutboxRelayOptions {
  databaseUrl: string;
  kafka: Kafka;
  namespace: string;
  logger: Logger;
  batchSize?: number;
  /** A fallback poll, for commits whose NOTIFY was missed (for example while reconnecting). */
  pollIntervalMs?: number;
  /** How long a shutdown may spend publishing what is still pending. */
  drainTimeoutMs?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: Buffer | null;
  value: Buffer;
  headers: Record<string, string>;
}

export interface OutboxRelayStats {
  published: number;
  batches: number;
  isLeader: boolean;
}

/**
 * Publishes the outbox to Kafka in id order with an idempotent producer (acks from all in-sync replicas), then
 * marks rows published (pipelined: see publishPending). Holding a session advisory lock makes it the only publisher of its database, so no row is
 * published twice at once and per-key order holds. A crash between publish and mark republishes those rows on
 * the next start: the one way a duplicate arises, and consumers are idempotent.
 */
export class OutboxRelay {
  private readonly options: Required<OutboxRelayOptions>;
  private readonly producer: RenewableProducer;
  private client: pg.Client | undefined;
  private running = false;
  private draining = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** A commit was notified while the relay was busy: the next idle returns at once instead of sleeping past it. */
  private notified = false;
  private readonly counters: OutboxRelayStats = { published: 0, batches: 0, isLeader: false };
  private failingSince: number | undefined;
  /** While stopping: publishing what is pending goes on until then. */
  private drainDeadline = Number.POSITIVE_INFINITY;
  private lastError: string | undefined;

  constructor(options: OutboxRelayOptions) {
    this.options = { batchSize: 500, pollIntervalMs: 1000, drainTimeoutMs: 10_000, ...options };
    this.producer = new RenewableProducer(options.kafka, options.logger, 'outbox relay');
  }

  stats(): OutboxRelayStats {
    return { ...this.counters };
  }

  /** For `/health`: publishing or standing by is fine; failing to publish for more than 10 s is not. */
  report(): Omit<LoopReport, 'name'> {
    const failingForMs = this.failingSince === undefined ? 0 : Date.now() - this.failingSince;
    const state = !this.running ? 'stopped' : failingForMs > 0 ? 'failing' : this.counters.isLeader ? 'publishing' : 'standby';
    return {
      ok: this.running && failingForMs <= 10_000,
      state,
      detail:
        failingForMs > 0
          ? `publishing has failed for ${Math.round(failingForMs / 1000)} s`
          : `${this.counters.published} published in ${this.counters.batches} batches`,
      lastError: this.lastError,
    };
  }

  /**
   * Starts publishing. A broker out of reach is retried by the loop (and reported by `/health`), never thrown: a
   * service restarted while the broker is down must not die once kafkajs's connect retries run out.
   */
  async start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  /** Publishes what is pending (up to the drain timeout), releases leadership and disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.draining = true;
    this.drainDeadline = Date.now() + this.options.drainTimeoutMs;
    this.running = false;
    this.notify();
    // The producer retries a send until the broker takes it, so a send to a broker that is gone is abandoned here:
    // its rows stay unpublished, and whichever relay leads next publishes them.
    if (!(await settlesWithin(this.loop, this.options.drainTimeoutMs + abandonGraceMs))) {
      this.options.logger.warn('outbox relay: a send was still retrying at the drain deadline; its rows stay pending');
    }
    await this.closeClient();
    await this.producer.disconnect();
  }

  private async run(): Promise<void> {
    let backoffMs = 250;
    while (this.running || (this.draining && Date.now() < this.drainDeadline)) {
      try {
        await this.producer.connect();
        if (!(await this.ensureLeadership())) {
          // Standing by is healthy: an earlier failure (a connect timeout at start, say) is over once the lock was asked.
          this.failingSince = undefined;
          if (!this.running) return;
          await this.idle(2000);
          continue;
        }
        await this.publishPending();
        backoffMs = 250;
        this.failingSince = undefined;
        // publishPending ends on a read that found nothing: sleep until a commit is notified (or the poll).
        if (!this.running) return;
        await this.idle(this.options.pollIntervalMs);
      } catch (error) {
        this.failingSince ??= Date.now();
        this.lastError = `${(error as Error).name}: ${(error as Error).message}`;
        this.options.logger.warn('outbox relay: publishing failed; will retry', { error, retryInMs: backoffMs });
        if (isConnectionProblem(error)) await this.closeClient();
        if (!this.running) return;
        await this.idle(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
    }
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.client && this.counters.isLeader) return true;
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: 3000 });
      client.on('error', () => void this.closeClient()); // a dropped connection: lose leadership, reconnect later
      client.on('notification', () => this.notify());
      await client.connect();
      this.client = client;
      await client.query(`LISTEN ${outboxChannel}`);
    }
    const { rows } = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [relayLockKey]);
    this.counters.isLeader = rows[0]?.locked === true;
    if (this.counters.isLeader) this.options.logger.info('outbox relay: publishing for this database');
    return this.counters.isLeader;
  }

  /**
   * Publishes until nothing is pending, as a pipeline: while a full batch is being sent, the next is read (rows
   * past the last one sent), and a sent batch is marked while the next is sent. One send at a time keeps per-key
   * order. After a short batch, or when no row lies past the last one sent, the marks are awaited and the outbox is
   * read from its start again: a transaction that took a lower id but committed later is published then; the
   * pass ends when that read finds nothing. Returns how many were published.
   */
  private async publishPending(): Promise<number> {
    const client = this.client;
    if (!client) return 0;
    let marking: Promise<unknown> = Promise.resolve();
    let published = 0;
    try {
      let rows = await this.readPending(client, '0');
      while (rows.length > 0) {
        const sending = this.send(rows);
        // Reading ahead pays only when the outbox holds more than a batch; at low rates it would find nothing.
        const next = rows.length === this.options.batchSize ? this.readPending(client, rows.at(-1)!.id) : undefined;
        await Promise.all([sending, next?.catch(() => undefined)]);
        marking = Promise.all([marking, this.markPublished(client, rows)]);
        published += rows.length;
        if (!this.running && Date.now() >= this.drainDeadline) break;
        rows = next ? await next : [];
        if (rows.length === 0) {
          await marking;
          rows = await this.readPending(client, '0');
        }
      }
      return published;
    } finally {
      await marking;
    }
  }

  private async readPending(client: pg.Client, afterId: string): Promise<OutboxRow[]> {
    const { rows } = await client.query<OutboxRow>(
      // Ordered by the bigint column itself: "ORDER BY id" would sort the text alias, "10" before "9".
      `SELECT outbox.id::text AS id, outbox.topic, outbox.message_key, outbox.value, outbox.headers
       FROM outbox_event AS outbox WHERE outbox.published_at IS NULL AND outbox.id > $1::bigint
       ORDER BY outbox.id LIMIT $2`,
      [afterId, this.options.batchSize],
    );
    return rows;
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const topic = namespaced(this.options.namespace, row.topic);
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: row.message_key, value: row.value, headers: row.headers });
      byTopic.set(topic, messages);
    }
    // One producer span per event, a child of the span that wrote it, so a trace shows the hop through the outbox.
    const spans = rows.map(
      (row) =>
        startSpan(`publish ${row.topic}`, {
          kind: SpanKind.PRODUCER,
          parent: contextFromHeaders(row.headers),
          attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': row.topic },
        }).span,
    );
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } finally {
      for (const span of spans) span.end();
    }
    this.counters.published += rows.length;
    this.counters.batches += 1;
    for (const [topic, messages] of byTopic) {
      eventsPublishedTotal.inc({ topic: withoutNamespace(this.options.namespace, topic) }, messages.length);
    }
  }

  private async markPublished(client: pg.Client, rows: OutboxRow[]): Promise<void> {
    await client.query('UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::bigint[])', [
      rows.map((row) => row.id),
    ]);
  }

  private notify(): void {
    if (this.wake) this.wake();
    else this.notified = true;
  }

  private idle(ms: number): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async closeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.counters.isLeader = false;
    // Ending the session releases the advisory lock, so a standby relay can take over.
    await client?.end().catch(() => undefined);
  }
}

async function settlesWithin(work: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([(work ?? Promise.resolve()).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
