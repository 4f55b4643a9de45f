import { defaultTopicRetentionHours, recordLingerHours } from '@food/contracts';
import { z } from 'zod';

export const retentionHours = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3650)
    .default(fallback);

/** How often a service deletes what has outlived its retention. */
export const retentionPurgeIntervalSetting = z.coerce
  .number()
  .int()
  .min(1)
  .max(86_400)
  .default(600);

/** What a service that consumes and publishes events keeps for a while (docs/architecture.md, "Retention"). */
export const eventRetentionSettings = {
  /** The retention of the stack's topics (the root scripts create them with it); read here for the rule below. */
  KAFKA_TOPIC_RETENTION_HOURS: retentionHours(defaultTopicRetentionHours),
  /** Published outbox rows, the audit of what was sent (unpublished rows are never purged). */
  OUTBOX_RETENTION_HOURS: retentionHours(168),
  /** `processed_event` rows: the consumer's dedupe window. */
  PROCESSED_EVENT_RETENTION_HOURS: retentionHours(336),
  RETENTION_PURGE_INTERVAL_SECONDS: retentionPurgeIntervalSetting,
};

interface DedupeWindow {
  KAFKA_TOPIC_RETENTION_HOURS: number;
  PROCESSED_EVENT_RETENTION_HOURS: number;
}

/**
 * Refuses a dedupe window that ends while a record it covers can still be read: a group that reads a topic again
 * (offsets reset to the earliest, or expired while it was away) would apply that record a second time.
 */
export function dedupeWindowOutlastsTopics(settings: DedupeWindow, ctx: z.RefinementCtx): void {
  const topicHours = settings.KAFKA_TOPIC_RETENTION_HOURS;
  const needed = topicHours + recordLingerHours;
  if (settings.PROCESSED_EVENT_RETENTION_HOURS >= needed) return;
  ctx.addIssue({
    code: 'custom',
    path: ['PROCESSED_EVENT_RETENTION_HOURS'],
    input: settings.PROCESSED_EVENT_RETENTION_HOURS,
    message:
      `is ${settings.PROCESSED_EVENT_RETENTION_HOURS}, but must be at least ${needed}: topics keep records for ` +
      `KAFKA_TOPIC_RETENTION_HOURS (${topicHours}) and up to ${recordLingerHours} h more, and an event re-read ` +
      'after its processed_event row was purged would be applied twice',
  });
}

export interface EventRetention {
  outboxHours: number;
  processedEventHours: number;
  purgeIntervalMs: number;
}

export function eventRetentionOf(settings: {
  OUTBOX_RETENTION_HOURS: number;
  PROCESSED_EVENT_RETENTION_HOURS: number;
  RETENTION_PURGE_INTERVAL_SECONDS: number;
}): EventRetention {
  return {
    outboxHours: settings.OUTBOX_RETENTION_HOURS,
    processedEventHours: settings.PROCESSED_EVENT_RETENTION_HOURS,
    purgeIntervalMs: settings.RETENTION_PURGE_INTERVAL_SECONDS * 1000,
  };
}
