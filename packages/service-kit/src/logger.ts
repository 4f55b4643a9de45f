import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { standardOutputDestination } from './log-destination.js';
import { boundedLogFields, type LogFields } from './log-fields.js';
import { prettyStandardOutput } from './pretty-log-stream.js';
import { activeTraceId } from './active-trace.js';

export type { LogFields } from './log-fields.js';
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];
export const logFormats = ['pretty', 'json'] as const;
/** `json`: one JSON line per event (files, pipes, collectors); `pretty`: pino-pretty's coloured line, for a terminal. */
export type LogFormat = (typeof logFormats)[number];

/** Ids bound to the work in progress (a request, a consumed event); every log line inside it carries them. */
const logContext = new AsyncLocalStorage<LogFields>();

export function withLogContext<T>(fields: LogFields, run: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, run);
}

export function currentLogContext(): LogFields {
  return logContext.getStore() ?? {};
}

function currentLogContextWithTrace(): LogFields | undefined {
  const traceId = activeTraceId();
  const context = logContext.getStore();
  return traceId ? { ...context, traceId } : context;
}

/** The platform's logger: a message first, then the event's fields; `child` binds fields to every line. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where each JSON line goes instead of standard output (tests keep their lines). */
  write?: (line: string) => void;
  fields?: LogFields;
}

function loggerOf(instance: pino.Logger): Logger {
  return {
    debug: (message, fields) => instance.debug(fields ?? {}, message),
    info: (message, fields) => instance.info(fields ?? {}, message),
    warn: (message, fields) => instance.warn(fields ?? {}, message),
    error: (message, fields) => instance.error(fields ?? {}, message),
    child: (fields) => loggerOf(instance.child(fields)),
  };
}

function destinationOf(options: LoggerOptions): pino.DestinationStream {
  if (options.write) return { write: options.write };
  return options.format === 'pretty' ? prettyStandardOutput() : standardOutputDestination();
}

/**
 * pino, shaped as the platform's lines: `time` (ISO), `level` (its name), `service`, `message`, the ids of the
 * work in progress (withLogContext) and the trace id, then the event's fields, bounded and with secrets redacted
 * (log-fields.ts). Bound fields (`child`) are ids, written as given.
 */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const instance = pino(
    {
      level: options.level ?? 'info',
      base: { service, ...options.fields },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // The ids of the work in progress join here rather than through pino's mixin: one object per line.
        log: (fields) => boundedLogFields(fields, currentLogContextWithTrace()),
      },
    },
    destinationOf(options),
  );
  return loggerOf(instance);
}
