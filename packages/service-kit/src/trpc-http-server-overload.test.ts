import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixtureGatewayHeaders, startFixtureServer } from './fixture-server.js';
import { publicProcedure, router } from './service-trpc.js';
import type { RunningHttpServer } from './http-listen.js';

/** Calls of `fixture.hold` run until the test lets them go, so a test decides exactly how busy the server is. */
const holds = new Map<string, () => void>();
const started: string[] = [];
const letGo = (id: string) => {
  const finish = holds.get(id);
  if (!finish) throw new Error(`hold ${id} has not started`);
  finish();
};

const fixtureRouter = router({
  fixture: router({
    health: publicProcedure.query(() => ({ status: 'ok' })),
    hold: publicProcedure.input(z.object({ id: z.string() })).mutation(async ({ input }) => {
      started.push(input.id);
      await new Promise<void>((resolve) => holds.set(input.id, resolve));
      return { id: input.id };
    }),
    feed: publicProcedure.subscription(async function* ({ signal }) {
      yield 'first';
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
    }),
  }),
});

function hold(server: RunningHttpServer, id: string, signal?: AbortSignal) {
  return fetch(`${server.url}/trpc/fixture.hold`, {
    method: 'POST',
    headers: fixtureGatewayHeaders,
    body: JSON.stringify({ id }),
    signal,
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function metricValue(server: RunningHttpServer, sample: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

let roomy: RunningHttpServer;
let impatient: RunningHttpServer;
let pair: RunningHttpServer;
beforeAll(async () => {
  pair = await startFixtureServer(fixtureRouter, { maxInFlight: 2, maxQueued: 0, queueTimeoutMs: 1000, retryAfterSeconds: 1 });
  roomy = await startFixtureServer(fixtureRouter, { maxInFlight: 1, maxQueued: 1, queueTimeoutMs: 30_000, retryAfterSeconds: 2 });
  impatient = await startFixtureServer(fixtureRouter, { maxInFlight: 1, maxQueued: 1, queueTimeoutMs: 100, retryAfterSeconds: 1 });
});
afterEach(() => {
  for (const finish of holds.values()) finish();
  holds.clear();
  started.length = 0;
});
afterAll(async () => {
  // Streams the tests left hanging would otherwise hold the close for its grace period.
  for (const server of [roomy, impatient, pair]) server?.server.closeAllConnections();
  await Promise.all([roomy?.close(), impatient?.close(), pair?.close()]);
});

describe('a service past its admission limits', () => {
  it('answers the excess 503 with Retry-After at once, before the procedure runs, and serves the queue in turn', async () => {
    const running = hold(roomy, 'running');
    await until(() => started.includes('running'), 'the first call starting');
    const queued = hold(roomy, 'queued');
    await until(async () => (await metricValue(roomy, 'http_requests_queued')) === 1, 'the second call queueing');
    const before = await metricValue(roomy, 'http_overload_rejections_total{procedure="fixture.hold",reason="queue_full"}');

    const refused = await hold(roomy, 'refused');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    const body = (await refused.json()) as { error: { code: number; message: string; data: Record<string, unknown> } };
    expect(body.error.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503, appCode: 'OVERLOADED' });
    expect(body.error.code).toBe(-32603);
    expect(body.error.message).toContain('retry after 2 s');
    expect(started).toEqual(['running']);
    expect(
      await metricValue(roomy, 'http_overload_rejections_total{procedure="fixture.hold",reason="queue_full"}'),
    ).toBe(before + 1);

    letGo('running');
    expect((await running).status).toBe(200);
    await until(() => started.includes('queued'), 'the queued call starting');
    letGo('queued');
    expect((await queued).status).toBe(200);
    expect(started).toEqual(['running', 'queued']);
  });

  it('answers 503 to a request that waited queueTimeoutMs without a slot', async () => {
    const running = hold(impatient, 'running');
    await until(() => started.includes('running'), 'the first call starting');
    const waited = await hold(impatient, 'waited');
    expect(waited.status).toBe(503);
    expect(waited.headers.get('retry-after')).toBe('1');
    expect(((await waited.json()) as { error: { message: string } }).error.message).toContain('within 100 ms');
    expect(started).toEqual(['running']);
    letGo('running');
    expect((await running).status).toBe(200);
  });

  it('counts each call of a batch against the limit: tRPC runs them side by side', async () => {
    const batch = fetch(`${pair.url}/trpc/fixture.hold,fixture.hold?batch=1`, {
      method: 'POST',
      headers: fixtureGatewayHeaders,
      body: JSON.stringify({ 0: { id: 'first' }, 1: { id: 'second' } }),
    });
    await until(() => started.length === 2, 'both calls of the batch starting');
    expect((await hold(pair, 'third')).status).toBe(503);
    letGo('first');
    letGo('second');
    expect((await batch).status).toBe(200);
    const next = hold(pair, 'next');
    await until(() => started.includes('next'), 'the next call starting');
    letGo('next');
    expect((await next).status).toBe(200);
  });

  it('still answers health, metrics and subscriptions while every slot and queue place is taken', async () => {
    const running = hold(roomy, 'running');
    await until(() => started.includes('running'), 'the first call starting');
    const queued = hold(roomy, 'queued');
    await until(async () => (await metricValue(roomy, 'http_requests_queued')) === 1, 'the second call queueing');
    expect((await hold(roomy, 'refused')).status).toBe(503);

    expect((await fetch(`${roomy.url}/trpc/fixture.health`)).status).toBe(200);
    expect(await metricValue(roomy, 'procedure_calls_in_flight')).toBe(1);
    expect(await metricValue(roomy, 'http_requests_queued')).toBe(1);
    const leave = new AbortController();
    const feed = await fetch(`${roomy.url}/trpc/fixture.feed`, { headers: fixtureGatewayHeaders, signal: leave.signal });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/event-stream');
    const reader = feed.body?.getReader();
    let text = '';
    while (reader && !text.includes('first')) text += new TextDecoder().decode((await reader.read()).value);
    leave.abort();

    letGo('running');
    await until(() => started.includes('queued'), 'the queued call starting');
    letGo('queued');
    await Promise.all([running, queued]);
  });

  it('gives a slot back when its client leaves mid-work, and a queue place when its client leaves while waiting', async () => {
    const leaveRunning = new AbortController();
    const running = hold(roomy, 'running', leaveRunning.signal).catch(() => 'left');
    await until(() => started.includes('running'), 'the first call starting');
    const leaveQueue = new AbortController();
    const waiting = hold(roomy, 'waiting', leaveQueue.signal).catch(() => 'left');
    await until(async () => (await metricValue(roomy, 'http_requests_queued')) === 1, 'the second call queueing');
    leaveQueue.abort();
    expect(await waiting).toBe('left');
    await until(async () => (await metricValue(roomy, 'http_requests_queued')) === 0, 'the queue emptying');
    leaveRunning.abort();
    expect(await running).toBe('left');

    const next = hold(roomy, 'next');
    await until(() => started.includes('next'), 'the next call starting');
    expect(started).toEqual(['running', 'next']);
    letGo('next');
    expect((await next).status).toBe(200);
  });
});
