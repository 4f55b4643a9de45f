// The console's list queries at size: 100,000 orders and 10,000 dead letters in a scratch database of the order
// service's schema, each query run 60 times (10 warm-up) and its p50 and p95 printed. Run:
//   npx tsx --conditions=source scripts/bench/console-queries.ts
// POSTGRES_URL as for `npm start`; the database console_queries_bench is dropped and made again (`--reuse` keeps a
// seeded one and only applies new migrations).
import {
  deadLettersOfKey,
  listDeadLetterGroups,
  listDeadLetters,
  runtimeMigrationsDir,
  type DeadLetterFilter,
} from '@food/kafka-runtime';
import { applyMigrations, connectOnce } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import path from 'node:path';
import { PrismaClient } from '../../apps/order/src/generated/prisma/client.js';
import { listOrders } from '../../apps/order/src/orders/order-views.js';
import { say } from '../lib/run.mjs';

const orderCount = 100_000;
const deadLetterCount = 10_000;
const runs = 60;
const warmUp = 10;

const postgresUrl = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const databaseUrl = Object.assign(new URL(postgresUrl), { pathname: '/console_queries_bench' }).toString();

const sampleSql = `SELECT message_key AS key, headers->>'x-correlation-id' AS correlation FROM dead_letter
  ORDER BY id OFFSET 5000 LIMIT 1`;

async function seed() {
  const migrations = [path.resolve(import.meta.dirname, '../../apps/order/prisma/migrations'), runtimeMigrationsDir];
  if (process.argv.includes('--reuse')) {
    await applyMigrations(databaseUrl, migrations);
    const client = await connectOnce(databaseUrl);
    await client.query('ANALYZE');
    const rows = await client.query<{ key: string; correlation: string }>(sampleSql);
    await client.end();
    return rows.rows[0]!;
  }
  const admin = await connectOnce(postgresUrl);
  await admin.query('DROP DATABASE IF EXISTS console_queries_bench WITH (FORCE)');
  await admin.end();
  await applyMigrations(databaseUrl, migrations);
  const client = await connectOnce(databaseUrl);
  // 2,000 customers, orders over 30 days; every tenth cancelled, most confirmed.
  await client.query(
    `INSERT INTO customer_order (id, user_id, restaurant_id, status, total_cents, currency, delivery_address,
       payment_method, idempotency_key, request_fingerprint, correlation_id, created_at, updated_at)
     SELECT gen_random_uuid(), 'user-' || (n % 2000), 'trattoria-roma',
       CASE WHEN n % 10 = 0 THEN 'CANCELLED' WHEN n % 50 = 1 THEN 'PENDING_PAYMENT' ELSE 'CONFIRMED' END,
       1000 + n % 5000, 'EUR', n || ' Bench Street', 'tok_visa', 'key-' || n, 'fp-' || n, gen_random_uuid()::text,
       now() - (n || ' seconds')::interval * 26, now()
     FROM generate_series(1, $1::int) n`,
    [orderCount],
  );
  // Dead letters of those orders in six kinds of failure, over 7 days, mostly pending.
  await client.query(
    `INSERT INTO dead_letter (id, dlq_topic, dlq_partition, dlq_offset, original_topic, original_partition,
       original_offset, message_key, consumer_group, event_id, event_type, value, headers, error_message, error_class,
       attempts, failed_at, status)
     SELECT gen_random_uuid(), 'order.failed.dlq', n % 3, n, o.topic, n % 3, n, o.id::text, 'order',
       gen_random_uuid()::text, o.topic,
       convert_to(json_build_object('orderId', o.id, 'payload', json_build_object('note', 'bench ' || n))::text, 'UTF8'),
       json_build_object('x-correlation-id', o.correlation_id, 'x-attempt', '1')::jsonb,
       CASE n % 6 WHEN 0 THEN 'database timeout after ' || (n % 900) || ' ms'
         WHEN 1 THEN 'order ' || o.id || ' not found' WHEN 2 THEN 'unknown version ' || (n % 4)
         WHEN 3 THEN 'payment ' || gen_random_uuid() || ' does not match order ' || o.id
         WHEN 4 THEN 'invalid payload: amountCents expected number' ELSE 'handler failed: simulated' END,
       CASE n % 6 WHEN 0 THEN 'HANDLER_FAILED' WHEN 1 THEN 'UNKNOWN_ORDER' WHEN 2 THEN 'UNKNOWN_VERSION'
         WHEN 3 THEN 'PAYMENT_MISMATCH' WHEN 4 THEN 'INVALID_PAYLOAD' ELSE 'HANDLER_FAILED' END,
       3, now() - (n || ' seconds')::interval * 60, CASE WHEN n % 7 = 0 THEN 'REPLAYED' ELSE 'PENDING' END
     FROM generate_series(1, $1::int) n
     CROSS JOIN LATERAL (SELECT id, correlation_id, CASE WHEN n % 2 = 0 THEN 'payment.completed' ELSE 'payment.failed' END
       AS topic FROM customer_order OFFSET (n * 7) % $2::int LIMIT 1) o`,
    [deadLetterCount, orderCount],
  );
  await client.query('ANALYZE');
  const sample = await client.query<{ key: string; correlation: string }>(sampleSql);
  await client.end();
  return sample.rows[0]!;
}

async function measure(name: string, query: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await query();
    if (i >= warmUp) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1);
  say(`| ${name} | ${at(0.5)} | ${at(0.95)} |`);
}

const sample = await seed();
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
const pending: DeadLetterFilter = { status: 'PENDING' };
const page = { limit: 50 };
const firstPage = await listDeadLetters(db, pending, page);
const groups = await listDeadLetterGroups(db, pending, 100);
say(`${orderCount} orders, ${deadLetterCount} dead letters (${firstPage.total} pending in ${groups.totalGroups} groups)\n`);
say('| query | p50 ms | p95 ms |\n| --- | --- | --- |');
await measure('dead-letter groups, pending', () => listDeadLetterGroups(db, pending, 100));
await measure('dead-letter groups, any status', () => listDeadLetterGroups(db, {}, 100));
await measure('dead letters of a group, first page', () => listDeadLetters(db, { ...pending, fingerprint: groups.groups[0]!.fingerprint }, page));
await measure('dead letters, pending, first page + total', () => listDeadLetters(db, pending, page));
await measure('dead letters, pending, next page', () => listDeadLetters(db, pending, { ...page, cursor: { failedAt: new Date(firstPage.nextCursor!.failedAt), id: firstPage.nextCursor!.id } }));
await measure('dead letters by key (order id)', () => listDeadLetters(db, { key: sample.key }, page));
await measure('dead letters by header name=value', () => listDeadLetters(db, { header: { name: 'x-correlation-id', value: sample.correlation } }, page));
await measure('dead letters by header value (any name)', () => listDeadLetters(db, { header: { value: sample.correlation } }, page));
await measure('dead letters by payload text', () => listDeadLetters(db, { payloadText: 'bench 4242' }, page));
await measure('dead letters of an order, with replays (timeline)', () => deadLettersOfKey(db, sample.key));
await measure('orders, newest first (admin list)', () => listOrders(db, {}, page));
await measure('orders, cancelled (admin list)', () => listOrders(db, { status: 'CANCELLED' }, page));
await measure('orders of one customer', () => listOrders(db, { userId: 'user-42' }, page));
await db.$disconnect();
