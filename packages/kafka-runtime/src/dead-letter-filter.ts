import { deadLetterStatuses, type DeadLetterStatus } from '@food/contracts';
import { z } from 'zod';

export interface DeadLetterFilter {
  status?: DeadLetterStatus;
  originalTopic?: string;
  /** Matched case-insensitively against the error message. */
  errorText?: string;
  failedFrom?: Date;
  failedTo?: Date;
  /** One group of dead letters (`dead-letter-groups.ts`). */
  fingerprint?: string;
  /** The record's key, exactly (events are keyed by their order id). */
  key?: string;
  /** The event id the value names, exactly. */
  eventId?: string;
  /** Matched case-insensitively against the value's bytes read as text (non-ASCII bytes do not match). */
  payloadText?: string;
  /** A header whose value is exactly this; of this name only, when a name is given. */
  header?: { name?: string; value: string };
}

/** A filter as the admin API takes it (and as a bulk action keeps it): parsed, with the limits the indexes need. */
export const deadLetterFilterSchema = z.object({
  status: z.enum(deadLetterStatuses).optional(),
  originalTopic: z.string().max(200).optional(),
  errorText: z.string().max(200).optional(),
  failedFrom: z.coerce.date().optional(),
  failedTo: z.coerce.date().optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, 'a group fingerprint is 32 hex digits').optional(),
  key: z.string().min(1).max(1000).optional(),
  eventId: z.string().min(1).max(100).optional(),
  payloadText: z.string().min(1).max(200).optional(),
  header: z.object({ name: z.string().min(1).max(200).optional(), value: z.string().min(1).max(1000) }).optional(),
});

const likePattern = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** Builds the SQL condition of a filter over `dead_letter` (optionally aliased), with parameters numbered from 1. */
export function deadLetterWhere(filter: DeadLetterFilter, alias = ''): { sql: string; values: unknown[] } {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(`$${values.length}`));
  };
  if (filter.status) add((p) => `${column('status')} = ${p}`, filter.status);
  if (filter.originalTopic) add((p) => `${column('original_topic')} = ${p}`, filter.originalTopic);
  if (filter.errorText) add((p) => `${column('error_message')} ILIKE '%' || ${p} || '%'`, likePattern(filter.errorText));
  if (filter.failedFrom) add((p) => `${column('failed_at')} >= ${p}::timestamptz`, filter.failedFrom.toISOString());
  if (filter.failedTo) add((p) => `${column('failed_at')} <= ${p}::timestamptz`, filter.failedTo.toISOString());
  if (filter.fingerprint) add((p) => `${column('fingerprint')} = ${p}`, filter.fingerprint);
  if (filter.key) add((p) => `${column('message_key')} = ${p}`, filter.key);
  if (filter.eventId) add((p) => `${column('event_id')} = ${p}`, filter.eventId);
  if (filter.payloadText) {
    // The expression the trigram index is built on (migration dead_letter_search_indexes).
    add((p) => `encode(${column('value')}, 'escape') ILIKE '%' || ${p} || '%'`, likePattern(filter.payloadText));
  }
  if (filter.header?.name) {
    // Containment, so the GIN index on headers answers it.
    add((p) => `${column('headers')} @> ${p}::jsonb`, JSON.stringify({ [filter.header.name]: filter.header.value }));
  } else if (filter.header) {
    // The array of every header's value contains this one: the expression the header-values GIN index is built on.
    add((p) => `jsonb_path_query_array(${column('headers')}, '$.*') @> jsonb_build_array(${p}::text)`, filter.header.value);
  }
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', values };
}
