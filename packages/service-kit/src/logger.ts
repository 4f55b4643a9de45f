import { AsyncLocalStorage } from 'node:async_hooks';
import { activeTraceId } from './tracing.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Ids bound to the work in progress (a request, a consumed event); every log line inside it carries them. */
const logContext = new AsyncLocalStorage<LogFields>();

export function withLogContext<T>(fields: LogFields, run: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, run);
}

export function currentLogContext(): LogFields {
  return logContext.getStore() ?? {};
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return { name: error.name, message: error.message, stack: error.stack, cause: serializeError(error.cause) };
}

/**
 * Lines written in one turn of the event loop leave in one write (a busy process logs many lines a turn, and a
 * write per line was a measurable share of its CPU). Writes to a pipe or file are synchronous on Linux, so what is
 * buffered when the process exits is flushed on 'exit'.
 */
const pendingLines: string[] = [];
let flushScheduled = false;
function flushLines(): void {
  flushScheduled = false;
  if (pendingLines.length === 0) return;
  process.stdout.write(pendingLines.join(''));
  pendingLines.length = 0;
}
function writeToStdout(line: string): void {
  pendingLines.push(line);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flushLines);
}
process.on('exit', flushLines);

/** One JSON line per event on stdout. */
export function createLogger(
  service: string,
  options: { level?: LogLevel; write?: (line: string) => void; fields?: LogFields } = {},
): Logger {
  const minimum = levelRank[options.level ?? 'info'];
  const write = options.write ?? writeToStdout;
  const bound = options.fields ?? {};
  const log = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (levelRank[level] < minimum) return;
    const entry: LogFields = {
      time: new Date().toISOString(),
      level,
      service,
      message,
      traceId: activeTraceId(),
      ...currentLogContext(),
      ...bound,
      ...fields,
    };
    if ('error' in entry) entry.error = serializeError(entry.error);
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => createLogger(service, { ...options, fields: { ...bound, ...fields } }),
  };
}
