// The retry link against a real service server (service-kit's, with its admission gate) over real HTTP: the 503s
// here are the gate's own, refusing a call while a held call takes the only slot.
import { trustHeaders } from '@food/contracts';
import { publicProcedure, router } from '@food/service-kit';
import { fixtureGatewaySecret, startFixtureServer } from '@food/service-kit/testing';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OverloadedAnswer, OverloadRetryOptions } from './overload-retry-policy.js';
import { retryWhenOverloaded } from './retry-when-overloaded.js';

let release: (() => void) | undefined;
let writesRun = 0;

const fixtureRouter = router({
  fixture: router({
    hold: publicProcedure.mutation(() => new Promise<void>((resolve) => (release = resolve))),
    read: publicProcedure.query(() => 'read'),
    write: publicProcedure.input(z.object({ idempotencyKey: z.string().optional() })).mutation(() => {
      writesRun += 1;
      return 'written';
    }),
  }),
});

const server = await startFixtureServer(fixtureRouter, {
  maxInFlight: 1,
  maxQueued: 0,
  queueTimeoutMs: 1000,
  retryAfterSeconds: 1,
});
afterEach(() => {
  release?.();
  release = undefined;
  writesRun = 0;
});
afterAll(async () => {
  server.server.closeAllConnections();
  await server.close();
});

function clientWith(options: OverloadRetryOptions) {
  const answers: OverloadedAnswer[] = [];
  const client = createTRPCClient<typeof fixtureRouter>({
    links: [
      retryWhenOverloaded({ ...options, onOverloaded: (answer) => answers.push(answer) }),
      httpBatchLink({ url: `${server.url}/trpc`, headers: { [trustHeaders.gatewaySecret]: fixtureGatewaySecret } }),
    ],
  });
  return { client, answers };
}

/** Takes the server's only slot until `release()`; resolves, once the server is working on it, to the held call. */
async function takeTheOnlySlot(): Promise<{ held: Promise<void> }> {
  const holder = createTRPCClient<typeof fixtureRouter>({
    links: [httpBatchLink({ url: `${server.url}/trpc`, headers: { [trustHeaders.gatewaySecret]: fixtureGatewaySecret } })],
  });
  const held = holder.fixture.hold.mutate();
  const deadline = Date.now() + 5_000;
  while (!release) {
    if (Date.now() > deadline) throw new Error('the holding call never started');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { held };
}

const freeSlotAfter = (ms: number) => setTimeout(() => release?.(), ms);

describe('retryWhenOverloaded', () => {
  it('sends a query again after a 503, no sooner than Retry-After, and returns its answer', async () => {
    const { held } = await takeTheOnlySlot();
    const { client, answers } = clientWith({});
    freeSlotAfter(300);
    const started = Date.now();
    expect(await client.fixture.read.query()).toBe('read');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ path: 'fixture.read', type: 'query', status: 503, attempt: 1, retryAfterMs: 1000 });
    expect(answers[0]?.retryInMs).toBeGreaterThanOrEqual(1000);
    await held;
  });

  it('sends a mutation with an idempotency key again', async () => {
    const { held } = await takeTheOnlySlot();
    const { client, answers } = clientWith({});
    freeSlotAfter(300);
    expect(await client.fixture.write.mutate({ idempotencyKey: 'checkout-0001' })).toBe('written');
    expect(writesRun).toBe(1);
    expect(answers.map((answer) => answer.retryInMs !== null)).toEqual([true]);
    await held;
  });

  it('does not send a mutation without an idempotency key again: the 503 is the caller’s', async () => {
    const { held } = await takeTheOnlySlot();
    const { client, answers } = clientWith({});
    freeSlotAfter(300);
    const started = Date.now();
    const error = await client.fixture.write.mutate({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<typeof fixtureRouter>).data?.httpStatus).toBe(503);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answers).toEqual([
      expect.objectContaining({ path: 'fixture.write', type: 'mutation', status: 503, attempt: 1, retryInMs: null }),
    ]);
    await held;
    // Had it been sent again, it would have run by now (the slot is free and a retry waits at most 1.4 s).
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(writesRun).toBe(0);
  });

  it('gives up after maxRetries and passes the last 503 on', async () => {
    const { held } = await takeTheOnlySlot();
    const { client, answers } = clientWith({ maxRetries: 2, baseDelayMs: 10 });
    const error = await client.fixture.read.query().catch((caught: unknown) => caught);
    expect((error as TRPCClientError<typeof fixtureRouter>).data?.httpStatus).toBe(503);
    expect(answers.map((answer) => [answer.attempt, answer.retryInMs === null])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    release?.();
    await held;
  });

  it('does not wait for a Retry-After longer than maxDelayMs', async () => {
    const { held } = await takeTheOnlySlot();
    const { client, answers } = clientWith({ maxDelayMs: 500 });
    const error = await client.fixture.read.query().catch((caught: unknown) => caught);
    expect((error as TRPCClientError<typeof fixtureRouter>).data?.httpStatus).toBe(503);
    expect(answers).toEqual([expect.objectContaining({ retryAfterMs: 1000, retryInMs: null })]);
    release?.();
    await held;
  });
});
