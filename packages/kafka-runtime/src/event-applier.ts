import type { EventEnvelope } from '@food/contracts';
import { contextFromHeaders, inSpan, SpanKind, type Logger } from '@food/service-kit';
import {
  applyEvents,
  HandlerFailed,
  type ApplyOutcome,
  type EventHandler,
  type EventToApply,
} from './apply-events.js';
import type { RecordToApply } from './classify-record.js';
import type { DeadLetterFailure } from './dead-letter-message.js';
import type { DeadLetterSink } from './dead-letter-sink.js';
import { isDatabaseOutage, waitOutOutage, type OutageWatch } from './database-outage.js';
import { eventRetriesTotal } from './metrics.js';
import { namespaced } from './namespace.js';
import { interruptsBatch, type PartitionControl } from './partition-control.js';
import type { RetryPolicy } from './retry-policy.js';
import type { SqlClient, TransactionalDatabase } from './sql-client.js';

export type Outcome = 'processed' | 'duplicate' | 'dead-lettered';
export interface Applied {
  outcome: Outcome;
  attempts: number;
}

export interface EventApplierOptions<Tx extends SqlClient> {
  database: TransactionalDatabase<Tx>;
  /** Namespaced. */
  consumerGroup: string;
  /** The group's name before namespacing (span names use it). */
  groupName: string;
  namespace: string;
  handlers: Readonly<Record<string, EventHandler<EventEnvelope, Tx> | undefined>>;
  logger: Logger;
  retryPolicy: RetryPolicy;
  sink: DeadLetterSink;
  outages: OutageWatch;
  transactionTimeoutMs: number;
  /** Called for each retry (the consumer's stats count them). */
  onRetry: () => void;
}

/** Dead-letters one event whose every attempt failed. */
export type DeadLetterOne = (item: RecordToApply, failure: DeadLetterFailure) => Promise<void>;

type Tried = { applied: Applied[] } | { failedAt: number | undefined; error: unknown };

/**
 * The dedupe-and-apply step with its retry policy. Events are applied together in one transaction. When a
 * handler throws, the events before it are applied again together, the one that threw is retried alone (the
 * failed run was its first attempt) and dead-lettered with its true attempt count once the policy gives up, and
 * the events after it go on together: a poison event costs its neighbours nothing, and each is applied once.
 */
export class EventApplier<Tx extends SqlClient> {
  constructor(private readonly options: EventApplierOptions<Tx>) {}

  async apply(
    items: readonly RecordToApply[],
    control: PartitionControl,
    deadLetter: DeadLetterOne,
  ): Promise<Applied[]> {
    const results: Applied[] = [];
    let rest = items;
    while (rest.length > 0) {
      const tried = await this.tryTogether(rest, control);
      if ('applied' in tried) return [...results, ...tried.applied];
      if (tried.failedAt === undefined) {
        // The transaction failed outside any handler (say, at commit): each event alone, from its own attempt.
        for (const item of rest)
          results.push(await this.retry(item, item.attempt, control, deadLetter));
        return results;
      }
      const before = rest.slice(0, tried.failedAt);
      if (before.length > 0) results.push(...(await this.apply(before, control, deadLetter)));
      const failed = rest[tried.failedAt]!;
      results.push(
        await this.afterFailure(failed, failed.attempt, tried.error, control, deadLetter),
      );
      rest = rest.slice(tried.failedAt + 1);
    }
    return results;
  }

  /** Attempt `attempt` of one event, and the ones after it while they fail. */
  private async retry(
    item: RecordToApply,
    attempt: number,
    control: PartitionControl,
    deadLetter: DeadLetterOne,
  ): Promise<Applied> {
    const tried = await this.tryTogether([{ ...item, attempt }], control);
    if ('applied' in tried) return tried.applied[0]!;
    return this.afterFailure(item, attempt, tried.error, control, deadLetter);
  }

  /** Attempt `attempt` failed: wait and try the next, or dead-letter the event once the policy gives up. */
  private async afterFailure(
    item: RecordToApply,
    attempt: number,
    error: unknown,
    control: PartitionControl,
    deadLetter: DeadLetterOne,
  ): Promise<Applied> {
    const { retryPolicy, logger } = this.options;
    if (attempt >= retryPolicy.maxAttempts) {
      await deadLetter(item, {
        errorClass: 'HANDLER_FAILED',
        errorMessage: `${(error as Error).name}: ${(error as Error).message}`,
        attempts: attempt,
      });
      return { outcome: 'dead-lettered', attempts: attempt };
    }
    const waitMs = retryPolicy.backoffMs(attempt);
    logger.warn('handler failed; retrying', {
      eventId: item.event.eventId,
      attempt,
      retryInMs: waitMs,
      error,
    });
    eventRetriesTotal.inc({ topic: item.handlerTopic });
    this.options.onRetry();
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    await control.heartbeat();
    return this.retry(item, attempt + 1, control, deadLetter);
  }

  /** One transaction for all of `items`, waiting out a database outage; says which handler threw, if one did. */
  private async tryTogether(
    items: readonly RecordToApply[],
    control: PartitionControl,
  ): Promise<Tried> {
    for (;;) {
      try {
        const outcomes = await this.transaction(items);
        return {
          applied: outcomes.map((applied, index) => this.counted(applied, items[index]!.attempt)),
        };
      } catch (thrown) {
        const error = thrown instanceof HandlerFailed ? thrown.cause : thrown;
        if (interruptsBatch(error)) throw error;
        if (await isDatabaseOutage(this.options.database, error)) {
          await waitOutOutage(this.options.outages, control, {
            events: items.length,
            error: (error as Error).message,
          });
          continue;
        }
        return { failedAt: thrown instanceof HandlerFailed ? thrown.index : undefined, error };
      }
    }
  }

  private counted(applied: ApplyOutcome, attempts: number): Applied {
    if (applied.outcome !== 'rejected') return { outcome: applied.outcome, attempts };
    this.options.logger.warn('event rejected by its handler', { ...applied.rejection });
    return { outcome: 'dead-lettered', attempts };
  }

  private transaction(items: readonly RecordToApply[]): Promise<ApplyOutcome[]> {
    const { namespace, consumerGroup, sink } = this.options;
    return applyEvents({
      database: this.options.database,
      consumerGroup,
      items: items.map((item) => this.toApply(item)),
      onRejected: (tx, index, rejection) => {
        const item = items[index]!;
        return sink.writeInTransaction(tx, item.record, {
          errorClass: rejection.errorClass,
          errorMessage: rejection.reason,
          attempts: item.attempt,
          originalTopic: namespaced(namespace, item.handlerTopic),
          sourceTopic: namespaced(namespace, item.record.topic),
          consumerGroup,
        });
      },
      timeoutMs: this.options.transactionTimeoutMs,
    });
  }

  private toApply(item: RecordToApply): EventToApply<Tx> {
    const { record, handlerTopic } = item;
    return {
      topic: handlerTopic,
      event: item.event,
      handler: this.options.handlers[handlerTopic]!,
      context: {
        attempt: item.attempt,
        topic: handlerTopic,
        partition: record.partition,
        offset: record.offset,
        logger: this.options.logger,
      },
      traced: (work) =>
        inSpan(
          `${this.options.groupName} process ${record.topic}`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextFromHeaders(record.headers),
            attributes: {
              'messaging.system': 'kafka',
              'messaging.destination.name': namespaced(this.options.namespace, record.topic),
              'messaging.consumer.group.name': this.options.consumerGroup,
            },
          },
          work,
        ),
    };
  }
}
