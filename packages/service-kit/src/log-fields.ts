import { isRedactedLogKey, redactedValue } from './log-redaction.js';

/**
 * Bounds what one log line can carry, and redacts its secrets (log-redaction.ts) in the same pass: a field may hold a payload, a record or an error message that a client or a
 * topic wrote, and one such line once ran to 11,000 characters. Text is cut, arrays and objects are shortened and
 * nesting is capped; errors become plain objects (name, message, stack, cause) under the same bounds.
 */
export const logBounds = { maxText: 2000, maxItems: 20, maxKeys: 40, maxDepth: 4 } as const;

export type LogFields = Record<string, unknown>;

function boundedText(text: string): string {
  return text.length > logBounds.maxText ? `${text.slice(0, logBounds.maxText)}… (${text.length} characters)` : text;
}

function boundedError(error: Error, depth: number): LogFields {
  const fields: LogFields = { name: error.name, message: boundedText(error.message) };
  if (error.stack) fields.stack = boundedText(error.stack);
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) fields.code = boundedValue(code, depth + 1);
  if (error.cause !== undefined) fields.cause = boundedValue(error.cause, depth + 1);
  return fields;
}

function boundedObject(value: object, depth: number, into: LogFields = {}): LogFields {
  const keys = Object.keys(value);
  const kept = Math.min(keys.length, logBounds.maxKeys);
  for (let index = 0; index < kept; index += 1) {
    const key = keys[index]!;
    into[key] = isRedactedLogKey(key) ? redactedValue : boundedValue((value as LogFields)[key], depth + 1);
  }
  if (keys.length > kept) into['…'] = `${keys.length - kept} more fields`;
  return into;
}

export function boundedValue(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? boundedText(value) : value;
  if (value instanceof Error) return boundedError(value, depth);
  if (value instanceof Date) return value;
  if (value instanceof Uint8Array) return `(${value.byteLength} bytes)`;
  if (depth >= logBounds.maxDepth) return Array.isArray(value) ? `(array of ${value.length})` : '(object)';
  if (Array.isArray(value)) {
    const items = value.slice(0, logBounds.maxItems).map((item: unknown) => boundedValue(item, depth + 1));
    if (value.length > logBounds.maxItems) items.push(`… ${value.length - logBounds.maxItems} more`);
    return items;
  }
  return boundedObject(value, depth);
}

/**
 * The fields of one log line: the ids of the work in progress (written as they are), then the event's own fields,
 * bounded (see logBounds) and with secrets redacted. One new object, built once per line.
 */
export function boundedLogFields(fields: LogFields, context: LogFields | undefined): LogFields {
  const line: LogFields = {};
  // Copied key by key: a spread of the context (built by spreads itself) made every line's object slow to extend.
  if (context) for (const key of Object.keys(context)) line[key] = context[key];
  return boundedObject(fields, 0, line);
}
