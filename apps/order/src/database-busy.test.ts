// Service-kit's backstop against a real Prisma client on a real pool: when no connection comes free within a
// transaction's maxWait, Prisma fails with P2028 "Unable to start a transaction in the given time"; the caller must
// get 503 with Retry-After (OVERLOADED), not 500.
import { publicProcedure, router } from '@food/service-kit';
import { fixtureGatewayHeaders, startFixtureServer } from '@food/service-kit/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from './generated/prisma/client.js';

const postgresUrl = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

// One connection: a transaction the test holds open leaves nothing for the procedure.
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgresUrl, max: 1 }) });

const fixtureRouter = router({
  fixture: router({
    write: publicProcedure.mutation(() =>
      db.$transaction(async (tx) => tx.$queryRaw<Array<{ one: number }>>`SELECT 1 AS one`, { maxWait: 200 }),
    ),
  }),
});

// The gate lets everything in, so what answers is the backstop.
const server = await startFixtureServer(fixtureRouter, {
  maxInFlight: 100,
  maxQueued: 100,
  queueTimeoutMs: 10_000,
  retryAfterSeconds: 3,
});
afterAll(async () => {
  await server.close();
  await db.$disconnect();
});

const write = () =>
  fetch(`${server.url}/trpc/fixture.write`, {
    method: 'POST',
    headers: fixtureGatewayHeaders,
    body: '{}',
  });

describe('a procedure whose database has no connection free', () => {
  it('answers 503 OVERLOADED with Retry-After, and works again once a connection is free', async () => {
    let letGo = () => {};
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const transaction = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        holding();
        await new Promise<void>((resolve) => (letGo = resolve));
      },
      { timeout: 20_000 },
    );
    await held;

    const busy = await write();
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('3');
    const body = (await busy.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503, appCode: 'OVERLOADED' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^http_overload_rejections_total\{procedure="fixture.write",reason="database_busy"\} 1$/m);

    letGo();
    await transaction;
    const free = await write();
    expect(free.status).toBe(200);
    expect(free.headers.get('retry-after')).toBeNull();
  });
});
