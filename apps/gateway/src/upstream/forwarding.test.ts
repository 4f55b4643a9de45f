import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { trustHeaders } from '@food/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  customer,
  startGatewayHarness,
  testGatewaySecret,
  testProxySecret,
  type GatewayHarness,
} from '../test-support/gateway-harness.js';

const harnesses: GatewayHarness[] = [];
async function gatewayWith(options: Parameters<typeof startGatewayHarness>[0] = {}) {
  const harness = await startGatewayHarness(options);
  harnesses.push(harness);
  return harness;
}
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
});

describe('the client address a service sees', () => {
  it('ignores X-Forwarded-For from a peer that does not send the proxy secret, even from 127.0.0.1', async () => {
    const gateway = await gatewayWith({ proxySecret: testProxySecret });
    await gateway.fetch('/trpc/auth.login', {
      method: 'POST',
      body: '{}',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    await gateway.fetch('/trpc/auth.login', {
      method: 'POST',
      body: '{}',
      headers: { 'x-forwarded-for': '203.0.113.9', [trustHeaders.proxySecret]: `${testProxySecret}0` },
    });

    expect(
      gateway.upstreams.auth.received.map((request) => request.headers['x-forwarded-for']),
    ).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('believes X-Forwarded-For from the proxy that sends the secret, taking the entry that proxy wrote', async () => {
    const gateway = await gatewayWith({ proxySecret: testProxySecret });
    const fromProxy = (forwardedFor: string) =>
      gateway.fetch('/trpc/auth.login', {
        method: 'POST',
        body: '{}',
        headers: { 'x-forwarded-for': forwardedFor, [trustHeaders.proxySecret]: testProxySecret },
      });
    await fromProxy('203.0.113.9');
    // The leftmost entry is whatever the client claimed to the proxy; only the proxy's own entry counts.
    await fromProxy('198.51.100.1, 203.0.113.10');

    expect(
      gateway.upstreams.auth.received.map((request) => request.headers['x-forwarded-for']),
    ).toEqual(['203.0.113.9', '203.0.113.10']);
  });

  it('believes nobody when it has no proxy secret', async () => {
    const gateway = await gatewayWith();
    await gateway.fetch('/trpc/auth.login', {
      method: 'POST',
      body: '{}',
      headers: { 'x-forwarded-for': '203.0.113.9', [trustHeaders.proxySecret]: testProxySecret },
    });
    expect(gateway.upstreams.auth.received[0]?.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it("sends every service the gateway's secret, and passes on neither a client's claim to it nor the proxy's", async () => {
    const gateway = await gatewayWith({ proxySecret: testProxySecret });
    await gateway.fetch('/trpc/order.menu', {
      headers: {
        [trustHeaders.gatewaySecret]: 'forged-by-the-client',
        [trustHeaders.proxySecret]: testProxySecret,
      },
    });
    const received = gateway.upstreams.order.received[0]?.headers;
    expect(received?.[trustHeaders.gatewaySecret]).toBe(testGatewaySecret);
    expect(received?.[trustHeaders.proxySecret]).toBeUndefined();
  });
});

// Finding 2 of issue 12: every unknown procedure name added Prometheus series that were never freed.
describe('metrics', () => {
  it('count requests by service, with unknown names under one label', async () => {
    const gateway = await gatewayWith();
    const token = await gateway.tokenFor(customer);
    const random = `p${randomUUID().replaceAll('-', '')}`;
    await gateway.fetch(`/trpc/order.${random}`, { token });
    await gateway.fetch(`/trpc/${random}.x`);
    await gateway.fetch(`/${random}`);
    const text = await (await gateway.fetch('/metrics')).text();
    expect(text).not.toContain(random);
    expect(text).toMatch(/http_requests_total\{procedure="order",status="200"\} \d+/);
    expect(text).toMatch(/http_requests_total\{procedure="unknown",status="404"\} \d+/);
  });
});

describe('routing', () => {
  it('refuses a batch spanning two services with 400, one error per procedure, and forwards nothing', async () => {
    const gateway = await gatewayWith();
    const token = await gateway.tokenFor(customer);
    const response = await gateway.fetch('/trpc/order.list,auth.me?batch=1', { token });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([
      {
        error: expect.objectContaining({
          code: -32600,
          data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'order.list' },
        }),
      },
      {
        error: expect.objectContaining({
          code: -32600,
          data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'auth.me' },
        }),
      },
    ]);
    expect(gateway.allReceived()).toHaveLength(0);
  });

  it('forwards a batch to one service whole, to that service', async () => {
    const gateway = await gatewayWith();
    const token = await gateway.tokenFor(customer);
    const response = await gateway.fetch(
      '/trpc/notification.list,notification.unreadCount?batch=1&input=%7B%7D',
      { token },
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
    expect(gateway.allReceived()).toHaveLength(1);
    expect(gateway.upstreams.notification.received[0]?.url).toBe(
      '/trpc/notification.list,notification.unreadCount?batch=1&input=%7B%7D',
    );
  });

  it('answers an unknown service with 404 and a malformed path with 400, never a 500', async () => {
    const gateway = await gatewayWith();
    expect((await gateway.fetch('/trpc/kitchen.cook')).status).toBe(404);
    expect((await gateway.fetch('/trpc/order.%E0%A4%A')).status).toBe(400);
    expect((await gateway.fetch('/elsewhere')).status).toBe(404);
    expect(gateway.allReceived()).toHaveLength(0);
  });

  it('answers 502 in tRPC shape when the service is unreachable', async () => {
    const gateway = await gatewayWith();
    await gateway.upstreams.payment.close();
    const response = await gateway.fetch('/trpc/payment.health');

    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: { data: { code: 'BAD_GATEWAY', httpStatus: 502 } },
    });
  });
});

describe("a service's overload answer", () => {
  it('reaches the client unchanged: 503, Retry-After and the body, beside the rate-limit headers', async () => {
    const overloaded = JSON.stringify({
      error: {
        message: 'the service is at capacity (its queue is full); retry after 1 s',
        code: -32603,
        data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, appCode: 'OVERLOADED', validation: null },
      },
    });
    const gateway = await gatewayWith({
      respond: {
        order: (_request, response) => {
          response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
          response.end(overloaded);
        },
      },
    });
    const token = await gateway.tokenFor(customer);
    const response = await gateway.fetch('/trpc/order.create', {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: 'checkout-0001' }),
    });

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('ratelimit-limit')).not.toBeNull();
    expect(await response.text()).toBe(overloaded);
    expect(gateway.upstreams.order.received).toHaveLength(1);
  });
});

describe('streaming', () => {
  it('passes SSE through event by event: the first event arrives while the service is still streaming', async () => {
    let releaseSecondEvent = () => {};
    const secondEventReleased = new Promise<void>((resolve) => {
      releaseSecondEvent = resolve;
    });
    let upstreamEnded = false;
    const gateway = await gatewayWith({
      respond: {
        notification: (_request, response) => {
          response.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-cache',
          });
          response.write('event: connected\ndata: {}\n\n');
          void secondEventReleased.then(() => {
            response.end('data: {"id":"2"}\n\n');
            upstreamEnded = true;
          });
        },
      },
    });
    const token = await gateway.tokenFor(customer);
    const response = await gateway.fetch('/trpc/notification.onNotification?input=%7B%7D', {
      token,
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();

    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    // A buffering proxy would hold the first event until the service ends, which it only does after we read it.
    const first = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the first event did not arrive: buffered')), 2_000),
      ),
    ]);
    expect(first.value).toBe('event: connected\ndata: {}\n\n');
    expect(upstreamEnded).toBe(false);

    releaseSecondEvent();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += chunk.value;
    expect(rest).toBe('data: {"id":"2"}\n\n');
    expect(upstreamEnded).toBe(true);
  });
});

describe('streaming, when the client leaves', () => {
  it('closes the stream to the service too', async () => {
    let upstreamClosed = false;
    const gateway = await gatewayWith({
      respond: {
        notification: (_request, response) => {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.write('data: {}\n\n');
          response.on('close', () => {
            upstreamClosed = true;
          });
        },
      },
    });
    const token = await gateway.tokenFor(customer);
    const leaving = new AbortController();
    const response = await gateway.fetch('/trpc/notification.onNotification', {
      token,
      signal: leaving.signal,
    });
    await response.body!.getReader().read();
    expect(upstreamClosed).toBe(false);

    leaving.abort();
    await expect.poll(() => upstreamClosed).toBe(true);
  });
});

describe('request log', () => {
  it('writes one JSON line per request with route, status, duration, user, correlation id and rate-limit outcome', async () => {
    const gateway = await gatewayWith({ perCaller: 1 });
    const token = await gateway.tokenFor(customer);
    const admitted = await gateway.fetch('/trpc/order.list', { token });
    await gateway.fetch('/trpc/order.list', { token });

    const lines = gateway.logLines.filter((line) => line.message === 'request');
    expect(lines).toEqual([
      expect.objectContaining({
        route: 'order.list',
        status: 200,
        durationMs: expect.any(Number),
        userId: customer.sub,
        correlationId: admitted.headers.get('x-correlation-id'),
        rateLimit: 'admitted',
        clientAddress: '127.0.0.1',
      }),
      expect.objectContaining({
        route: 'order.list',
        status: 429,
        userId: customer.sub,
        rateLimit: 'refused',
      }),
    ]);
    expect(JSON.stringify(gateway.logLines)).not.toContain(token);
  });
});

describe('/health', () => {
  const healthy = (service: string) => (_request: unknown, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ result: { data: { service, status: 'ok', uptimeSeconds: 1, checks: {} } } }),
    );
  };

  it('reports each upstream and redis: ok while all are, degraded when one is down', async () => {
    const gateway = await gatewayWith({
      respond: {
        auth: healthy('auth'),
        order: healthy('order'),
        payment: healthy('payment'),
        notification: healthy('notification'),
      },
    });
    type Report = {
      status: string;
      upstreams: Record<string, { ok: boolean }>;
      redis: { ok: boolean };
    };
    const allUp = await gateway.fetch('/health');
    expect(allUp.status).toBe(200);
    expect(await allUp.json()).toEqual({
      service: 'gateway',
      status: 'ok',
      upstreams: {
        auth: { ok: true, report: expect.objectContaining({ service: 'auth' }) },
        order: { ok: true, report: expect.objectContaining({ service: 'order' }) },
        payment: { ok: true, report: expect.objectContaining({ service: 'payment' }) },
        notification: { ok: true, report: expect.objectContaining({ service: 'notification' }) },
      },
      redis: { ok: true },
    });

    await gateway.upstreams.order.close();
    const orderDown = await gateway.fetch('/health');
    const report = (await orderDown.json()) as Report;
    expect(orderDown.status).toBe(503);
    expect(report.status).toBe('degraded');
    expect(report.upstreams.order).toEqual({ ok: false, error: expect.any(String) });
    expect(report.upstreams.auth?.ok).toBe(true);
  });
});
