import type pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { LogFields } from './log-fields.js';

const serviceColumnWidth = 12;

/**
 * A JSON log line rearranged for a person at a terminal (the service becomes a column): a request as
 * `POST order.create 200 12.3 ms`, and the trace id left to the JSON (the correlation id says the same here).
 */
export function readableLogEvent(line: LogFields): LogFields {
  const { traceId: _traceId, ...rest } = line;
  if (rest.message === 'request') {
    const { method, route, status, durationMs, ...others } = rest;
    return { ...others, message: `${String(method)} ${String(route)} ${String(status)} ${String(durationMs)} ms` };
  }
  // An error's stack earns lines of its own only at level error; elsewhere its message ends the line.
  if (rest.error === undefined || rest.level === 'error') return rest;
  const { error, ...others } = rest;
  return { ...others, message: `${String(rest.message)}: ${errorSummary(error)}` };
}

function errorSummary(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { name, message } = error as { name?: unknown; message?: unknown };
  return typeof message === 'string' ? `${typeof name === 'string' ? `${name}: ` : ''}${message}` : JSON.stringify(error);
}

/**
 * pino-pretty's coloured one-line view of each JSON line, written to standard output (a terminal, where writes are
 * synchronous). Used when LOG_FORMAT is `pretty`: `npm start` in a terminal.
 */
export function prettyStandardOutput(colorize = Boolean(process.stdout.isTTY)): pino.DestinationStream {
  const prettify = prettyFactory({
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    messageKey: 'message',
    ignore: 'pid,hostname,service',
    customPrettifiers: {
      // Our lines name their level ('info'); padded so that the service column lines up.
      level: (level, _key, _log, { labelColorized }) => `${labelColorized}${' '.repeat(Math.max(0, 5 - String(level).length))}`,
    },
    messageFormat: (log, messageKey, _level, { colors }) =>
      `${colors.bold(String(log.service ?? '').padEnd(serviceColumnWidth))} ${String(log[messageKey])}`,
  });
  return {
    write(line: string) {
      process.stdout.write(prettify(readableLogEvent(JSON.parse(line) as LogFields)));
    },
  };
}
