import { headerNames } from '@food/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';

/** Header values longer than this are not read as text (they still travel with a dead letter). */
export const maxHeaderTextBytes = 8 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A record as the runtime understands it, read once at the edge. Everything in it came from whoever could write
 * to the topic: `headers` holds only the header values that are readable text of a sane size (the first of a
 * repeated name), and `notes` says what was ignored and why. Reading never throws.
 */
export interface ConsumedRecord {
  /** The topic without the stack's namespace. */
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  /** The headers exactly as they arrived, for the dead-letter copy. */
  rawHeaders: IHeaders;
  headers: Record<string, string>;
  notes: string[];
  /** Key, value, header names and values, in bytes. */
  sizeBytes: number;
}

function asBuffer(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return null;
}

function readableText(bytes: Buffer): string | undefined {
  if (bytes.length > maxHeaderTextBytes) return undefined;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function headerSize(name: string, values: unknown): number {
  const list = Array.isArray(values) ? (values as unknown[]) : [values];
  return list.reduce<number>(
    (sum, value) => sum + Buffer.byteLength(name) + (asBuffer(value)?.length ?? 0),
    0,
  );
}

/** The readable text headers of a record, and a note for each one left out. */
export function readHeaders(headers: IHeaders | null | undefined): {
  headers: Record<string, string>;
  notes: string[];
} {
  const readable: Record<string, string> = {};
  const notes: string[] = [];
  for (const name of Object.keys(headers ?? {})) {
    const given: unknown = headers?.[name];
    const values = Array.isArray(given) ? (given as unknown[]) : [given];
    if (values.length > 1)
      notes.push(`header ${name} repeated ${values.length} times; the first is read`);
    const bytes = asBuffer(values[0]);
    if (!bytes) {
      notes.push(`header ${name} has no value`);
      continue;
    }
    const text = readableText(bytes);
    if (text === undefined) {
      notes.push(`header ${name} is not readable text (${bytes.length} bytes)`);
      continue;
    }
    readable[name] = text;
  }
  return { headers: readable, notes };
}

/**
 * The attempt a delivery starts at, from `x-attempt`: a whole number from 1 to `maxAttempts`. Anything else is
 * ignored (the delivery starts at 1) and noted: only the runtime's own replay writes this header.
 */
export function startingAttempt(
  headers: Record<string, string>,
  maxAttempts: number,
  notes: string[],
): number {
  const text = headers[headerNames.attempt];
  if (text === undefined) return 1;
  const attempt = /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : Number.NaN;
  if (attempt >= 1 && attempt <= maxAttempts) return attempt;
  notes.push(
    `header ${headerNames.attempt} "${text.slice(0, 40)}" is outside 1..${maxAttempts}; starting at 1`,
  );
  return 1;
}

export function readRecord(
  topic: string,
  partition: number,
  message: KafkaMessage,
): ConsumedRecord {
  const rawHeaders: IHeaders = message.headers ?? {};
  const { headers, notes } = readHeaders(rawHeaders);
  const key = asBuffer(message.key);
  const value = asBuffer(message.value);
  const headerBytes = Object.keys(rawHeaders).reduce(
    (sum, name) => sum + headerSize(name, rawHeaders[name]),
    0,
  );
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key,
    value,
    rawHeaders,
    headers,
    notes,
    sizeBytes: (key?.length ?? 0) + (value?.length ?? 0) + headerBytes,
  };
}
