import { createHash } from 'node:crypto';
import { deadLetterTopicOf, headerNames, replayTopicOf } from '@food/contracts';
import type { IHeaders } from 'kafkajs';

export type ConsumingService = keyof typeof deadLetterTopicOf;

/** Who consumes what (the design's table; test/malformed-events checks it against the services' handlers). */
export const consumersOf: Record<string, ConsumingService[]> = {
  'order.created': ['payment'],
  'payment.completed': ['order'],
  'payment.failed': ['order'],
  'order.confirmed': ['notification'],
  'order.cancelled': ['notification'],
};
const eventTopics = Object.keys(consumersOf);
const services = Object.keys(deadLetterTopicOf) as ConsumingService[];

/** The broker's default limit for one record batch; one record near it still fits alone. */
export const brokerRecordLimit = 1_048_588;

export const hostileHeader = { run: 'x-hostile-run', seq: 'x-hostile-seq' } as const;

export interface HostileRecord {
  seq: number;
  /** The topic written to, before namespacing. */
  topic: string;
  kind: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: IHeaders;
  /** The event id when the value is a well-formed event (it may be applied rather than dead-lettered). */
  eventId?: string;
  /** Who must account for it: services that must apply it or dead-letter it, or store it (a DLQ topic's owner). */
  accountedBy: Array<{ service: ConsumingService; as: 'applied-or-dead-letter' | 'stored' }>;
  /** Exact copy of an earlier record: applied once through that one, never dead-lettered. */
  duplicateOf?: number;
  bytes: number;
}

/** A small, seeded generator (mulberry32): the same seed gives the same records, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256)));
  const uuid = () => {
    const hex = createHash('sha256').update(String(next())).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, chance, bytes, uuid };
}
type Random = ReturnType<typeof random>;

function payloadOf(type: string, rng: Random, runId: string): Record<string, unknown> {
  const ids = { orderId: rng.uuid(), userId: `hostile-${runId}` };
  const reason = rng.pick(['CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'AMOUNT_OVER_LIMIT']);
  switch (type) {
    case 'order.created':
      return {
        ...ids,
        restaurantId: 'trattoria-roma',
        items: [
          {
            menuItemId: 'roma-margherita',
            name: 'Pizza Margherita',
            quantity: 1 + rng.int(3),
            unitPriceCents: 950,
          },
        ],
        totalCents: 950 * (1 + rng.int(3)),
        currency: 'EUR',
        paymentMethod: rng.pick(['tok_visa', 'tok_decline']),
        deliveryAddress: '1 Hostile Street',
      };
    case 'payment.completed':
      return { ...ids, paymentId: rng.uuid(), amountCents: rng.int(100_000), currency: 'EUR' };
    case 'order.confirmed':
      return { ...ids, totalCents: rng.int(100_000), currency: 'EUR' };
    default:
      return { ...ids, reason, message: 'Declined (hostile test).' };
  }
}

function envelope(
  type: string,
  payload: unknown,
  rng: Random,
  overrides: Record<string, unknown> = {},
) {
  const eventId = rng.uuid();
  const value = {
    eventId,
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `hostile-${eventId.slice(0, 8)}`,
    causationId: null,
    payload,
    ...overrides,
  };
  return {
    eventId: typeof value.eventId === 'string' ? value.eventId : undefined,
    json: JSON.stringify(value),
  };
}

/** Values for a topic whose consumers decode events: most are garbage of some kind, some are valid events. */
function eventValue(
  topic: string,
  rng: Random,
  runId: string,
): { kind: string; value: Buffer | string | null; eventId?: string; valid: boolean } {
  const type = topic;
  const roll = rng.int(16);
  const other = rng.pick(eventTopics.filter((candidate) => candidate !== type));
  switch (roll) {
    case 0:
      return { kind: 'random bytes', value: rng.bytes(rng.int(600)), valid: false };
    case 1:
      return { kind: 'null value', value: null, valid: false };
    case 2:
      return { kind: 'empty value', value: Buffer.alloc(0), valid: false };
    case 3:
      return {
        kind: 'JSON that is no object',
        value: rng.pick(['42', '"text"', 'null', 'true', '[]', '1e400']),
        valid: false,
      };
    case 4:
      return {
        kind: 'deeply nested JSON',
        value: `${'['.repeat(3000)}${']'.repeat(3000)}`,
        valid: false,
      };
    case 5: {
      const { json, eventId } = envelope(type, payloadOf(type, rng, runId), rng, {
        eventId: rng.pick([42, '', 'x'.repeat(500), null]),
      });
      return { kind: 'envelope with a bad eventId', value: json, eventId, valid: false };
    }
    case 6: {
      const { json, eventId } = envelope(type, payloadOf(type, rng, runId), rng, {
        version: rng.pick([99, -1, 1.5, '1', 1e300]),
      });
      return { kind: 'unknown version', value: json, eventId, valid: false };
    }
    case 7: {
      const { json, eventId } = envelope(other, payloadOf(other, rng, runId), rng);
      return { kind: "another type's event", value: json, eventId, valid: false };
    }
    case 8: {
      const payload = {
        ...payloadOf(type, rng, runId),
        orderId: rng.pick(['not-a-uuid', '', 7]),
        userId: rng.pick(['', null, 'u\u0000x']),
      };
      const { json, eventId } = envelope(type, payload, rng);
      return { kind: 'invalid payload', value: json, eventId, valid: false };
    }
    case 9: {
      // Fields a type does not have are ignored: on some topics this is a valid event with noise around it.
      const payload = {
        ...payloadOf(type, rng, runId),
        totalCents: 1e308,
        amountCents: -5,
        constructor: 'x',
      };
      const { json, eventId } = envelope(type, payload, rng);
      const withProto = json.replace('"payload":{', '"payload":{"__proto__":{"polluted":true},');
      return { kind: 'absurd numbers and prototype keys', value: withProto, eventId, valid: false };
    }
    case 10: {
      const { json } = envelope(
        type,
        { ...payloadOf(type, rng, runId), userId: '\ud800 lone surrogate' },
        rng,
      );
      return {
        kind: 'lone surrogate in the payload',
        value: json,
        valid: true,
        eventId: (JSON.parse(json) as { eventId: string }).eventId,
      };
    }
    default: {
      const { json, eventId } = envelope(type, payloadOf(type, rng, runId), rng);
      return { kind: 'valid event', value: json, eventId, valid: true };
    }
  }
}

function oddKey(rng: Random): Buffer | string | null {
  switch (rng.int(8)) {
    case 0:
      return null;
    case 1:
      return '';
    case 2:
      return rng.bytes(1 + rng.int(40));
    case 3:
      return 'k'.repeat(10_000);
    default:
      return rng.uuid();
  }
}

/** Headers anyone may write: null, empty, not UTF-8, huge, repeated, out of range, forged runtime headers. */
function oddHeaders(rng: Random): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  const count = rng.chance(0.3) ? 0 : 1 + rng.int(4);
  for (let i = 0; i < count; i += 1) {
    switch (rng.int(12)) {
      case 0:
        headers[rng.pick(['traceparent', headerNames.correlationId, 'x-null'])] = null;
        break;
      case 1:
        headers[`x-empty-${i}`] = '';
        break;
      case 2:
        headers[rng.pick([headerNames.correlationId, 'traceparent', 'x-binary'])] = rng.bytes(
          1 + rng.int(64),
        );
        break;
      case 3:
        headers['x-huge'] = 'h'.repeat(64 * 1024);
        break;
      case 4:
        headers[rng.pick([headerNames.attempt, 'traceparent', 'x-repeated'])] = [
          '1',
          '2',
          rng.bytes(3),
        ];
        break;
      case 5:
        headers[headerNames.attempt] = rng.pick([
          '99999999999999999999',
          '4',
          '0',
          '-1',
          'NaN',
          ' 2',
          '1e3',
          '2',
        ]);
        break;
      case 6:
        headers.traceparent = rng.pick([
          '00-zzzz',
          `00-${'0'.repeat(32)}-${'0'.repeat(16)}-01`,
          'x'.repeat(2000),
        ]);
        break;
      case 7:
        headers[headerNames.correlationId] = 'c'.repeat(5000);
        break;
      case 8:
        headers[headerNames.replayOf] = rng.pick(['not-a-uuid', rng.uuid(), '']);
        break;
      case 9:
        headers[rng.pick(Object.values(headerNames.deadLetter))] = rng.pick([
          '99999999999999999999',
          '-1',
          '',
          'forged',
        ]);
        break;
      case 10:
        for (let n = 0; n < 200; n += 1) headers[`x-many-${n}`] = String(n);
        break;
      default:
        headers[rng.pick(['', 'ü-ñame', 'n'.repeat(1000), '__proto__', 'constructor'])] =
          'odd name';
    }
  }
  return headers;
}

/** Headers of a record written straight to a DLQ topic: forged facts, some absurd. */
function forgedDeadLetterHeaders(rng: Random): Record<string, unknown> {
  const dlq = headerNames.deadLetter;
  const headers: Record<string, unknown> = {};
  const absurd = () =>
    rng.pick(['99999999999999999999', '-5', '', 'NaN', null, rng.bytes(5), 'x'.repeat(3000), '3']);
  for (const name of Object.values(dlq)) if (rng.chance(0.6)) headers[name] = absurd();
  if (rng.chance(0.5)) headers[dlq.id] = rng.pick([rng.uuid(), 'not-a-uuid', null]);
  if (rng.chance(0.5))
    headers[dlq.originalTopic] = rng.pick([...eventTopics, 'no.such.topic', '\u0000', null]);
  if (rng.chance(0.3))
    headers[dlq.failedAt] = rng.pick(['yesterday', '9999-99-99', '1970-01-01T00:00:00Z', null]);
  if (rng.chance(0.2)) headers[dlq.errorMessage] = `nul\u0000 and ${'\ud800'}`;
  return headers;
}

function byteSize(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Buffer.isBuffer(value)) return value.length;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + byteSize(item), 0);
  return Buffer.byteLength(String(value));
}

function recordBytes(key: unknown, value: unknown, headers: Record<string, unknown>): number {
  return (
    byteSize(key) +
    byteSize(value) +
    Object.entries(headers).reduce(
      (sum, [name, header]) => sum + Buffer.byteLength(name) + byteSize(header),
      0,
    )
  );
}

/** A value that brings the record to just under the broker's limit. */
function nearLimit(
  key: unknown,
  headers: Record<string, unknown>,
  json: boolean,
  rng: Random,
): string | Buffer {
  const room = brokerRecordLimit - recordBytes(key, '', headers) - 600 - rng.int(200);
  if (!json) return Buffer.alloc(room, 0x61);
  return JSON.stringify({ filler: 'f'.repeat(room - 20) });
}

/**
 * `count` records for every topic the platform consumes, every replay topic and every DLQ topic, the way someone
 * with a plain producer could write them. Each carries its run and sequence number in clean headers of its own,
 * so what became of it can be found in the services' tables; everything else about it may be odd.
 */
export function generateHostileRecords(
  count: number,
  options: { runId: string; seed: number },
): HostileRecord[] {
  const rng = random(options.seed);
  const records: HostileRecord[] = [];
  const validSoFar: HostileRecord[] = [];
  for (let seq = 0; seq < count; seq += 1) {
    const marker = { [hostileHeader.run]: options.runId, [hostileHeader.seq]: String(seq) };
    const target = rng.next();
    let record: Omit<HostileRecord, 'bytes'>;
    if (target < 0.15) {
      const service = rng.pick(services);
      const topic = deadLetterTopicOf[service];
      const headers = { ...forgedDeadLetterHeaders(rng), ...marker };
      const key = oddKey(rng);
      const value = rng.chance(0.003)
        ? nearLimit(key, headers, false, rng)
        : rng.pick([null, rng.bytes(rng.int(300)), '{"eventId":"x"}']);
      record = {
        seq,
        topic,
        kind: 'forged dead letter',
        key,
        value,
        headers: headers as IHeaders,
        accountedBy: [{ service, as: 'stored' }],
      };
    } else if (target < 0.2 && validSoFar.length > 0) {
      const original = rng.pick(validSoFar);
      record = {
        ...original,
        seq,
        kind: `exact copy of #${original.seq}`,
        headers: { ...original.headers, ...marker },
        duplicateOf: original.seq,
        accountedBy: original.accountedBy,
      };
    } else {
      const replay = target > 0.93;
      const eventTopic = rng.pick(eventTopics);
      const owner = rng.pick(consumersOf[eventTopic] ?? []);
      const topic = replay ? replayTopicOf[owner] : eventTopic;
      const generated = eventValue(eventTopic, rng, options.runId);
      const headers: Record<string, unknown> = { ...oddHeaders(rng), ...marker };
      if (replay)
        headers[headerNames.replayTopic] = rng.chance(0.8)
          ? eventTopic
          : rng.pick(['no.such.topic', null, 'order.failed.dlq']);
      const key = oddKey(rng);
      let value = generated.value;
      let kind = generated.kind;
      if (rng.chance(0.003)) {
        kind = 'value near the broker limit';
        value = nearLimit(key, headers, rng.chance(0.5), rng);
      }
      const consumers = replay ? [owner] : (consumersOf[eventTopic] ?? []);
      record = {
        seq,
        topic,
        kind: replay ? `replay: ${kind}` : kind,
        key,
        value,
        headers: headers as IHeaders,
        eventId: generated.eventId,
        accountedBy: consumers.map((service) => ({
          service,
          as: 'applied-or-dead-letter' as const,
        })),
      };
      if (generated.valid && value === generated.value && !replay)
        validSoFar.push({ ...record, bytes: 0 });
    }
    records.push({
      ...record,
      bytes: recordBytes(record.key, record.value, record.headers as Record<string, unknown>),
    });
  }
  return records;
}
