// Issue 17, "overload is answered, not crashed into": one more order instance with a tiny admission limit (one
// call at a time, two requests waiting) on the test stack's database, broker and auth, behind a gateway of its own;
// flooded with order.create, it must answer the excess 503 with Retry-After, never 500, and store each accepted
// order exactly once; the typed client must ride the same flood out by retrying.
import { randomUUID } from 'node:crypto';
import { ApiSession, createApiClient, type OverloadedAnswer } from '@food/api-client';
import { jwksPath } from '@food/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from './support/app-process.js';
import { newCustomer, orderInput, queryService } from './support/customers.js';
import { stackUrl, testStack } from './support/stack.js';

const retryAfterSeconds = 1;
let order: AppProcess | undefined;
let gateway: AppProcess | undefined;

beforeAll(async () => {
  const stack = testStack();
  const common = {
    AUTH_JWKS_URL: `${stackUrl('auth')}${jwksPath}`,
    REDIS_URL: stack.redisUrl,
    GATEWAY_SECRET: stack.secrets.gateway,
    LOG_LEVEL: 'warn',
  };
  order = await startAppProcess(
    'order',
    {
      ...common,
      DATABASE_URL: stack.databaseUrls.order ?? '',
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_NAMESPACE: stack.kafkaNamespace,
      DATABASE_POOL_SIZE: '4',
      ADMISSION_MAX_IN_FLIGHT: '1',
      ADMISSION_MAX_QUEUED: '2',
      ADMISSION_QUEUE_TIMEOUT_MS: '2000',
      ADMISSION_RETRY_AFTER_SECONDS: String(retryAfterSeconds),
    },
    '/trpc/order.health',
  );
  gateway = await startAppProcess(
    'gateway',
    {
      ...common,
      AUTH_URL: stackUrl('auth'),
      ORDER_URL: order.url,
      PAYMENT_URL: stackUrl('payment'),
      NOTIFICATION_URL: stackUrl('notification'),
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_KEY_PREFIX: `test-overload:${randomUUID()}:`,
    },
    '/health',
  );
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await order?.stop();
});

const gatewayTrpc = () => `${gateway?.url}/trpc`;

/** How many times each idempotency key of this customer is stored. */
async function storedKeys(userId: string): Promise<Map<string, number>> {
  const rows = await queryService<{ idempotency_key: string; n: number }>(
    'order',
    'SELECT idempotency_key, count(*)::int AS n FROM customer_order WHERE user_id = $1 GROUP BY idempotency_key',
    [userId],
  );
  return new Map(rows.map((row) => [row.idempotency_key, row.n]));
}

/** The order instance's overload answers so far, by reason (queue_full, queue_timeout, database_busy). */
async function overloadRejections(): Promise<Record<string, number>> {
  const text = await (await fetch(`${order?.url}/metrics`)).text();
  const byReason: Record<string, number> = {};
  for (const line of text.split('\n').filter((candidate) => candidate.startsWith('http_overload_rejections_total{'))) {
    const reason = /reason="([^"]+)"/.exec(line)?.[1] ?? '?';
    byReason[reason] = (byReason[reason] ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return byReason;
}

const refusedByGate = (byReason: Record<string, number>) => (byReason.queue_full ?? 0) + (byReason.queue_timeout ?? 0);

interface ErrorBody {
  error?: { message: string; data: { code: string; httpStatus: number; appCode: string | null } };
}

describe('an order service past its admission limit', () => {
  it('answers a flood of order.create with 503 and Retry-After for the excess, never 500, and stores each accepted order once', async () => {
    const customer = await newCustomer('overload');
    const token = await customer.session.accessToken();
    const rejectedBefore = await overloadRejections();

    const flood = Array.from({ length: 60 }, async () => {
      const input = orderInput();
      const response = await fetch(`${gatewayTrpc()}/order.create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return {
        key: input.idempotencyKey,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as ErrorBody,
      };
    });
    // Health is exempt from the limit: asked during the flood, it answers.
    const health = Array.from({ length: 5 }, () => fetch(`${order?.url}/trpc/order.health`).then((response) => response.status));
    const answers = await Promise.all(flood);

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200 && status !== 503), 'answers other than 200 and 503').toEqual([]);
    const accepted = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(accepted.length, 'orders accepted').toBeGreaterThan(0);
    expect(refused.length, 'calls refused').toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.retryAfter).toBe(String(retryAfterSeconds));
      expect(answer.body.error?.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503, appCode: 'OVERLOADED' });
    }
    expect(await Promise.all(health)).toEqual([200, 200, 200, 200, 200]);

    // Refused before any work: what was accepted is stored once, and nothing of what was refused.
    const stored = await storedKeys(customer.user.id);
    expect(new Set(stored.keys())).toEqual(new Set(accepted.map((answer) => answer.key)));
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
    // The gate refused them, before any work; the database never ran out of connections (the backstop's reason).
    const rejectedAfter = await overloadRejections();
    expect(refusedByGate(rejectedAfter) - refusedByGate(rejectedBefore)).toBe(refused.length);
    expect((rejectedAfter.database_busy ?? 0) - (rejectedBefore.database_busy ?? 0)).toBe(0);
  });

  it('is ridden out by the typed client: every create succeeds after retries, each stored once, the 503s counted', async () => {
    const customer = await newCustomer('overload-retry');
    const session = new ApiSession(gatewayTrpc(), customer.session.current());
    const overloaded: OverloadedAnswer[] = [];
    const options = { overloadRetry: { maxRetries: 12, onOverloaded: (answer: OverloadedAnswer) => overloaded.push(answer) } };

    // A client per call, as many customers' checkouts would be: one client's concurrent calls would share one batch.
    const inputs = Array.from({ length: 30 }, () => orderInput());
    const orders = await Promise.all(inputs.map((input) => createApiClient(session, options).order.create.mutate(input)));

    expect(new Set(orders.map((created) => created.id)).size).toBe(inputs.length);
    expect(overloaded.length, 'overload answers the client saw').toBeGreaterThan(0);
    expect(overloaded.every((answer) => answer.status === 503 && answer.retryInMs !== null)).toBe(true);
    const stored = await storedKeys(customer.user.id);
    expect(stored.size).toBe(inputs.length);
    expect(inputs.every((input) => stored.get(input.idempotencyKey) === 1)).toBe(true);
  }, 90_000);
});
