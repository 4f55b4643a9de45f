import { describe, expect, it } from 'vitest';
import { logBounds } from './log-fields.js';
import { createLogger, withLogContext, type LogLevel } from './logger.js';
import { readableLogEvent } from './pretty-log-stream.js';

function capture(level: LogLevel = 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('test-service', { level, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe('the logger', () => {
  it('writes one JSON line per event: time, level name, service, message and the fields', () => {
    const { logger, lines } = capture();
    logger.info('order created', { orderId: 'order-1', durationMs: 3.5 });
    expect(lines).toEqual([
      { time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'info', service: 'test-service', message: 'order created', orderId: 'order-1', durationMs: 3.5 },
    ]);
  });

  it('writes only the levels at or above its own', () => {
    const { logger, lines } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((line) => line.level)).toEqual(['warn', 'error']);
  });

  it('binds the ids of the work in progress and of child loggers to every line', () => {
    const { logger, lines } = capture();
    withLogContext({ correlationId: 'c-1' }, () =>
      withLogContext({ eventId: 'e-1', orderId: 'o-1' }, () => logger.child({ userId: 'u-1' }).info('applied')),
    );
    expect(lines[0]).toMatchObject({ correlationId: 'c-1', eventId: 'e-1', orderId: 'o-1', userId: 'u-1', message: 'applied' });
  });

  it('redacts passwords, tokens, cookies, authorization and the shared secrets wherever a caller put them', () => {
    const { logger, lines } = capture();
    logger.info('careless', {
      password: 'hunter2-password',
      input: { password: 'hunter2-password', refreshToken: 'refresh-secret' },
      headers: { authorization: 'Bearer header-secret', cookie: 'session=cookie-secret', 'x-gateway-secret': 'shared-secret-value' },
      request: { headers: { authorization: 'Bearer nested-secret' } },
      token: 'plain-token',
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ['hunter2', 'refresh-secret', 'header-secret', 'cookie-secret', 'shared-secret-value', 'nested-secret', 'plain-token']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ password: '[redacted]', headers: { authorization: '[redacted]' } });
  });

  it('cuts long text, long lists and deep nesting, so no payload makes a line of its own size', () => {
    const { logger, lines } = capture();
    logger.warn('hostile record', {
      value: 'x'.repeat(50_000),
      items: Array.from({ length: 500 }, (_, index) => index),
      deep: { a: { b: { c: { d: { e: 'too deep' } } } } },
      bytes: new Uint8Array(4096),
    });
    const line = lines[0]!;
    expect(JSON.stringify(line).length).toBeLessThan(logBounds.maxText + 1000);
    expect(line.value).toMatch(/… \(50000 characters\)$/);
    expect(line.items).toHaveLength(logBounds.maxItems + 1);
    expect(JSON.stringify(line.deep)).not.toContain('too deep');
    expect(line.bytes).toBe('(4096 bytes)');
  });

  it('writes an error as its name, message, stack and cause', () => {
    const { logger, lines } = capture();
    logger.error('procedure failed', { error: new Error('outer', { cause: new TypeError('inner') }) });
    expect(lines[0]?.error).toMatchObject({
      name: 'Error',
      message: 'outer',
      stack: expect.stringContaining('logger.test.ts'),
      cause: { name: 'TypeError', message: 'inner' },
    });
  });
});

describe('the terminal view of a line', () => {
  it('says a request in one phrase and leaves the trace id to the JSON', () => {
    expect(
      readableLogEvent({ service: 'gateway', message: 'request', method: 'POST', route: 'order.create', status: 200, durationMs: 12.3, traceId: 't', userId: 'u' }),
    ).toEqual({ service: 'gateway', message: 'POST order.create 200 12.3 ms', userId: 'u' });
  });
});

describe('the terminal view of a warning', () => {
  it('ends the line with the error’s message instead of printing the error below it', () => {
    expect(readableLogEvent({ service: 'order', level: 'warn', message: 'database connection lost', error: { name: 'Error', message: 'terminated' } })).toEqual({
      service: 'order',
      level: 'warn',
      message: 'database connection lost: Error: terminated',
    });
  });
});
