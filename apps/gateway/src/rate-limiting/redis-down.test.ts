import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customer,
  startGatewayHarness,
  type GatewayHarness,
} from '../test-support/gateway-harness.js';

// Nothing listens on port 1: every Redis command fails, the way it does while Redis is down.
let gateway: GatewayHarness;
beforeAll(async () => {
  gateway = await startGatewayHarness({
    redisUrl: 'redis://127.0.0.1:1',
    perCaller: 1,
    credentials: 1,
  });
});
afterAll(() => gateway.close());

describe('with Redis down the gateway fails open', () => {
  it('lets requests through at once, without rate-limit headers, beyond any budget', async () => {
    const token = await gateway.tokenFor(customer);
    const started = performance.now();
    const responses = await Promise.all([
      ...Array.from({ length: 5 }, () =>
        gateway.fetch('/trpc/order.list', { token, signal: AbortSignal.timeout(3_000) }),
      ),
      ...Array.from({ length: 5 }, () =>
        gateway.fetch('/trpc/auth.login', {
          method: 'POST',
          body: '{}',
          signal: AbortSignal.timeout(3_000),
        }),
      ),
    ]);
    const elapsed = performance.now() - started;

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(responses.every((response) => response.headers.get('ratelimit-limit') === null)).toBe(
      true,
    );
    expect(elapsed).toBeLessThan(1_000);
    expect(gateway.upstreams.order.received).toHaveLength(5);
    expect(gateway.upstreams.auth.received).toHaveLength(5);
  });

  it('still refuses a request without a valid token', async () => {
    const response = await gateway.fetch('/trpc/order.list', {
      signal: AbortSignal.timeout(3_000),
    });
    expect(response.status).toBe(401);
  });

  it('logs the skipped rate limiting once, not once per request, and marks each request in its log line', async () => {
    await Promise.all(Array.from({ length: 5 }, () => gateway.fetch('/trpc/order.menu')));
    const warnings = gateway.logLines.filter(
      (line) =>
        line.message === 'rate limiting skipped: redis unavailable, requests pass unlimited',
    );
    expect(warnings).toHaveLength(1);
    const requestLines = gateway.logLines.filter(
      (line) => line.message === 'request' && line.route === 'order.menu',
    );
    expect(requestLines).toHaveLength(5);
    expect(requestLines.every((line) => line.rateLimit === 'unavailable')).toBe(true);
  });

  it('reports redis as down and itself as degraded in /health, promptly', async () => {
    const response = await gateway.fetch('/health', { signal: AbortSignal.timeout(3_000) });
    const report = (await response.json()) as {
      status: string;
      redis: { ok: boolean; error?: string };
    };

    expect(response.status).toBe(503);
    expect(report.status).toBe('degraded');
    expect(report.redis).toEqual({ ok: false, error: expect.any(String) });
  });
});

/**
 * A Redis that connects and passes the client's ready check (INFO), then never answers a command: the case a short
 * command timeout exists for.
 */
async function startUnresponsiveRedis() {
  const sockets = new Set<net.Socket>();
  let readyChecks = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (data) => {
      if (!/info/i.test(data.toString())) return;
      readyChecks += 1;
      const info = '# Server\r\nredis_version:7.0.0\r\nloading:0\r\n';
      socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    readyChecks: () => readyChecks,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('with a Redis that accepts commands but never answers', () => {
  let unresponsive: Awaited<ReturnType<typeof startUnresponsiveRedis>>;
  let stalled: GatewayHarness;
  beforeAll(async () => {
    unresponsive = await startUnresponsiveRedis();
    stalled = await startGatewayHarness({ redisUrl: unresponsive.url });
  });
  afterAll(async () => {
    await stalled.close();
    await unresponsive.close();
  });

  it('answers after the command timeout instead of hanging', async () => {
    await expect.poll(() => unresponsive.readyChecks()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the client reads the INFO reply and turns ready
    const started = performance.now();
    const response = await stalled.fetch('/trpc/order.menu', {
      signal: AbortSignal.timeout(3_000),
    });
    const elapsed = performance.now() - started;

    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBeNull();
    // Waited for the rate limiter's command (not refused at once as "not connected"), but only that long.
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(1_500);
  });
});
