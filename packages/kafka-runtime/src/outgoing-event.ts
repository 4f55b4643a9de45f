import { randomUUID } from 'node:crypto';
import { headerNames, type EventCatalog, type EventEnvelope, type PayloadOf } from '@food/contracts';

/** An event ready for the outbox: where it goes, its key, and the exact bytes and headers to publish. */
export interface OutgoingEvent {
  eventId: string;
  topic: string;
  /** Null only for a replayed or dead-lettered message whose original had no key. */
  key: string | Buffer | null;
  value: Buffer;
  headers: Record<string, string>;
}

export interface EventCause {
  correlationId: string;
  /** The event (or request) that caused this one. */
  causationId: string | null;
}

/**
 * Builds a versioned envelope for `topic` from a payload checked against the catalog's current schema; the key
 * is the payload's `orderId` unless given, so every event of one order lands on one partition, in order.
 */
export function createEvent<TCatalog extends EventCatalog, TTopic extends keyof TCatalog & string>(
  catalog: TCatalog,
  topic: TTopic,
  payload: PayloadOf<TCatalog, TTopic>,
  cause: EventCause,
  key?: string,
): OutgoingEvent {
  const definition = catalog[topic];
  if (!definition) throw new Error(`no event definition for topic ${topic}`);
  const parsed = definition.payload.parse(payload) as Record<string, unknown>;
  const envelope: EventEnvelope = {
    eventId: randomUUID(),
    type: topic,
    version: definition.currentVersion,
    occurredAt: new Date().toISOString(),
    correlationId: cause.correlationId,
    causationId: cause.causationId,
    payload: parsed,
  };
  const messageKey = key ?? (typeof parsed.orderId === 'string' ? parsed.orderId : undefined);
  if (!messageKey) throw new Error(`event ${topic} needs a key: its payload has no orderId`);
  return {
    eventId: envelope.eventId,
    topic,
    key: messageKey,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: { [headerNames.correlationId]: cause.correlationId },
  };
}
