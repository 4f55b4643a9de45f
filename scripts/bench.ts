// `npm run bench`: figures, not pass/fail. Starts a stack of its own and measures, side by side on this machine:
// the gateway's overhead, the Kafka hop floor against the saga, the outbox relay against a bare producer, the
// idempotent consumer against a plain one, and each process's memory. Writes .local/bench/results.json and prints
// a table (the README's Performance section shows the latest).
//   npx tsx --conditions=source scripts/bench.ts [--quick]
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAnonymousClient, signIn } from '@food/api-client';
import { defineEvent, trustHeaders } from '@food/contracts';
import {
  createEvent,
  createKafkaClient,
  ensureTopics,
  EventConsumer,
  namespaced,
  OutboxRelay,
  writeToOutbox,
  type OutgoingEvent,
} from '@food/kafka-runtime';
import { applyMigrations, createLogger } from '@food/service-kit';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { z } from 'zod';
import { PrismaClient } from '../apps/payment/src/generated/prisma/client.js';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = args.quick;

process.env.STACK_PORT_OFFSET ??= '15000'; // below 32768: Linux hands out ports above it to outgoing connections
process.env.STACK_NAMESPACE ??= 'bench';
process.env.STACK_DATABASE_SUFFIX ??= '_bench';

const { prepareStack } = await import('./lib/prepare-stack.mjs');
const { stackPlan, startProcesses, localAccounts } = await import('./lib/stack.mjs');
const { loadLocalSecrets } = await import('./lib/secrets.mjs');
const { localDir } = await import('./lib/paths.mjs');

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logger = createLogger('bench', { level: 'error' });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const summarize = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const { settings } = await prepareStack('test');
const plan = await stackPlan(settings, loadLocalSecrets());
const processes = plan.all.filter((info: { name: string }) => info.name !== 'web');
say('▸ starting the bench stack');
const stack = await startProcesses(processes, { mode: 'bench' });
const results: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
  date: new Date().toISOString(),
};

// ---- 1. gateway overhead ----------------------------------------------------------------------------------------
const gatewayUrl = `${plan.gateway.url}/trpc`;
const serviceInfo = (name: string) => {
  const info = plan.services.find((candidate: { name: string }) => candidate.name === name);
  if (!info) throw new Error(`no service ${name}`);
  return info;
};
const orderUrl: string = serviceInfo('order').url;
const { session } = await signIn(gatewayUrl, localAccounts.customer);
const token = await session.accessToken();

async function load(url: string, requests: number, concurrency: number, headers: Record<string, string> = {}) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const sent = performance.now();
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requestsPerSecond: round(requests / seconds), ...summarize(latencies) };
}

say('▸ 1/5 gateway overhead (order.list, 20 concurrent)');
const overheadRequests = quick ? 1000 : 4000;
const listPath = `/trpc/order.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`;
// Services answer only calls that carry the gateway's secret; the direct baseline carries it as the gateway would.
const asGateway = { [trustHeaders.gatewaySecret]: plan.gateway.env.GATEWAY_SECRET as string };
await load(`${orderUrl}${listPath}`, 200, 20, asGateway); // warm-up
await load(`${plan.gateway.url}${listPath}`, 200, 20);
const direct = await load(`${orderUrl}${listPath}`, overheadRequests, 20, asGateway);
const viaGateway = await load(`${plan.gateway.url}${listPath}`, overheadRequests, 20);
results.gatewayOverhead = {
  direct,
  viaGateway,
  throughputRatio: round(direct.requestsPerSecond / viaGateway.requestsPerSecond, 2),
  p50AddedMs: round(viaGateway.median - direct.median, 2),
};

// ---- 2. Kafka hop floor vs the saga -----------------------------------------------------------------------------
say('▸ 2/5 Kafka hop floor');
const kafka: Kafka = createKafkaClient({ clientId: 'bench', brokers: settings.kafkaBrokers.split(','), logger });
const hopTopic = namespaced(settings.kafkaNamespace, `bench-hop-${randomUUID().slice(0, 8)}`);
await ensureTopics(kafka, [hopTopic], 3);
const hopProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await hopProducer.connect();
const hopConsumer = kafka.consumer({ groupId: `bench-hop-${randomUUID()}` });
await hopConsumer.connect();
await hopConsumer.subscribe({ topic: hopTopic, fromBeginning: true });
const arrivals = new Map<string, () => void>();
await hopConsumer.run({ eachMessage: async ({ message }) => arrivals.get(message.key!.toString())?.() });
await sleep(3000); // group joined
const hops: number[] = [];
for (let i = 0; i < (quick ? 100 : 300); i += 1) {
  const key = randomUUID();
  const arrived = new Promise<void>((resolve) => arrivals.set(key, resolve));
  const sent = performance.now();
  await hopProducer.send({ topic: hopTopic, acks: -1, messages: [{ key, value: 'x' }] });
  await arrived;
  if (i >= 20) hops.push(performance.now() - sent);
}
await hopConsumer.disconnect();
await hopProducer.disconnect();
const hop = summarize(hops);

say('▸ 3/5 saga latency at steady rates');
const customer = `bench-${randomUUID().slice(0, 8)}@example.test`;
await createAnonymousClient(gatewayUrl).auth.register.mutate({ email: customer, password: 'bench-password-1', name: 'Bench' });
const { client } = await signIn(gatewayUrl, { email: customer, password: 'bench-password-1' });
const orderDb = new pg.Pool({ connectionString: serviceInfo('order').env.DATABASE_URL, max: 2 });

async function sagaAtRate(rate: number, seconds: number) {
  const ids: string[] = [];
  const started = Date.now();
  const count = rate * seconds;
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i / rate) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    pending.push(
      client.order.create
        .mutate({
          restaurantId: 'green-bowl',
          items: [{ menuItemId: 'green-poke', quantity: 1 }],
          deliveryAddress: 'Bench Road 1',
          paymentMethod: 'tok_visa',
          idempotencyKey: randomUUID(),
        })
        .then((order) => void ids.push(order.id)),
    );
  }
  await Promise.all(pending);
  const placingSeconds = (Date.now() - started) / 1000;
  const deadline = Date.now() + 60_000;
  let rows: Array<{ ms: number }> = [];
  while (Date.now() < deadline) {
    rows = (
      await orderDb.query<{ ms: number }>(
        "SELECT extract(epoch FROM updated_at - created_at) * 1000 AS ms FROM customer_order WHERE id = ANY($1::uuid[]) AND status <> 'PENDING_PAYMENT'",
        [ids],
      )
    ).rows;
    if (rows.length === ids.length) break;
    await sleep(500);
  }
  const latency = summarize(rows.map((row) => Number(row.ms)));
  const achievedRate = round(ids.length / placingSeconds);
  // Sustained: everything finished, the placing kept pace, and the p99 stayed under 5 s.
  const sustained = rows.length === ids.length && achievedRate >= rate * 0.9 && latency.p99 < 5000;
  return { rate, orders: ids.length, achievedRate, finished: rows.length, ...latency, sustained };
}

const sagaRuns = [];
const rates = quick ? [10, 25] : [10, 25, 50, 100, 150];
for (const rate of rates) {
  const run = await sagaAtRate(rate, quick ? 5 : 10);
  sagaRuns.push(run);
  say(`  ${rate}/s: median ${round(run.median)} ms, p99 ${round(run.p99)} ms, achieved ${run.achievedRate}/s${run.sustained ? '' : ' (not sustained)'}`);
  if (!run.sustained) break;
  await sleep(2000);
}
const highestSustained = Math.max(0, ...sagaRuns.filter((run) => run.sustained).map((run) => run.rate));
results.kafkaFloorVsSaga = {
  hop: { median: round(hop.median, 2), p99: round(hop.p99, 2) },
  saga: sagaRuns,
  sagaMedianAsHopMultiple: round((sagaRuns[0]?.median ?? 0) / hop.median),
  highestSustainedOrdersPerSecond: highestSustained,
};

// ---- 4. outbox relay vs bare producer, 5. idempotent vs plain consumer --------------------------------------------
// A scratch database with the runtime's tables (the payment schema has them).
const benchDbName = `bench_runtime_${randomUUID().slice(0, 8)}`;
const benchDbUrl = Object.assign(new URL(settings.postgresUrl), { pathname: `/${benchDbName}` }).toString();
await applyMigrations(benchDbUrl, path.resolve('apps/payment/prisma/migrations'));
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: benchDbUrl, max: 8 }) });
const eventCount = quick ? 2000 : 10_000;
const benchPayload = z.object({ n: z.number().int() });
// Each topic's events carry its name as their type, as every event of the platform does.
const makeEvents = (topic: string): OutgoingEvent[] => {
  const catalog = { [topic]: defineEvent(topic, benchPayload) };
  return Array.from({ length: eventCount }, (_, n) =>
    createEvent(catalog, topic, { n }, { correlationId: 'bench', causationId: null }, `key-${n % 50}`),
  );
};

say(`▸ 4/5 outbox relay vs bare producer (${eventCount} events)`);
const relayTopic = `bench-relay-${randomUUID().slice(0, 8)}`;
const rawLogicalTopic = `bench-raw-${randomUUID().slice(0, 8)}`;
const rawTopic = namespaced(settings.kafkaNamespace, rawLogicalTopic);
await ensureTopics(kafka, [namespaced(settings.kafkaNamespace, relayTopic), rawTopic], 3);
const relayEvents = makeEvents(relayTopic);
for (let i = 0; i < relayEvents.length; i += 500) await db.$transaction((tx) => writeToOutbox(tx, relayEvents.slice(i, i + 500)));
const relay = new OutboxRelay({ databaseUrl: benchDbUrl, kafka, namespace: settings.kafkaNamespace, logger });
const relayStarted = performance.now();
await relay.start();
while (relay.stats().published < eventCount) await sleep(20);
const relaySeconds = (performance.now() - relayStarted) / 1000;
await relay.stop();

const rawProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await rawProducer.connect();
const rawEvents = makeEvents(rawLogicalTopic);
const rawStarted = performance.now();
for (let i = 0; i < rawEvents.length; i += 500) {
  await rawProducer.send({
    topic: rawTopic,
    acks: -1,
    messages: rawEvents.slice(i, i + 500).map((event) => ({ key: event.key, value: event.value, headers: event.headers })),
  });
}
const rawSeconds = (performance.now() - rawStarted) / 1000;
await rawProducer.disconnect();
results.outboxRelayVsRawProducer = {
  events: eventCount,
  relayEventsPerSecond: round(eventCount / relaySeconds),
  rawProducerEventsPerSecond: round(eventCount / rawSeconds),
  ratio: round(relaySeconds / rawSeconds, 2),
};

say(`▸ 5/5 idempotent consumer vs plain consumer (${eventCount} events)`);
await db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS bench_effect (n int NOT NULL)');
async function timeConsumer(kind: 'idempotent' | 'plain') {
  await db.$executeRawUnsafe('TRUNCATE bench_effect');
  const started = performance.now();
  let stop: () => Promise<void>;
  if (kind === 'idempotent') {
    const consumer = new EventConsumer({
      kafka,
      groupId: `bench-idempotent-${randomUUID()}`,
      namespace: settings.kafkaNamespace,
      catalog: { [rawLogicalTopic]: defineEvent(rawLogicalTopic, benchPayload) },
      handlers: {
        [rawLogicalTopic]: async (event, tx) => {
          await tx.$executeRawUnsafe('INSERT INTO bench_effect (n) VALUES ($1)', (event.payload as { n: number }).n);
        },
      },
      database: db,
      deadLetterTopic: 'bench.failed.dlq',
      logger,
    });
    await consumer.start();
    stop = () => consumer.stop();
  } else {
    const consumer = kafka.consumer({ groupId: `bench-plain-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: rawTopic, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as { payload: { n: number } };
        await db.$executeRawUnsafe('INSERT INTO bench_effect (n) VALUES ($1)', envelope.payload.n);
      },
    });
    stop = () => consumer.disconnect();
  }
  for (;;) {
    const [row] = await db.$queryRawUnsafe<Array<{ n: number }>>('SELECT count(*)::int AS n FROM bench_effect');
    if ((row?.n ?? 0) >= eventCount) break;
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  await stop();
  return round(eventCount / seconds);
}
const idempotentPerSecond = await timeConsumer('idempotent').catch((error: unknown) => {
  say(`  idempotent consumer failed: ${(error as Error).message}`);
  return Number.NaN;
});
const plainPerSecond = await timeConsumer('plain');
results.idempotentVsPlainConsumer = {
  events: eventCount,
  idempotentEventsPerSecond: idempotentPerSecond,
  plainEventsPerSecond: plainPerSecond,
  ratio: round(plainPerSecond / idempotentPerSecond, 2),
};
await db.$disconnect();
const admin = new pg.Client({ connectionString: settings.postgresUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(benchDbName)} WITH (FORCE)`);
await admin.end();

// ---- memory -----------------------------------------------------------------------------------------------------
function residentMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return round(kib / 1024);
}
const memory: Record<string, { idleMiB: number; underLoadMiB: number }> = {};
await sleep(3000);
for (const { info, child } of stack.running) memory[info.name] = { idleMiB: residentMiB(child.pid), underLoadMiB: Number.NaN };
const loadRate = Math.max(10, highestSustained);
const sampling = setInterval(() => {
  for (const { info, child } of stack.running) {
    memory[info.name]!.underLoadMiB = Math.max(Number.isNaN(memory[info.name]!.underLoadMiB) ? 0 : memory[info.name]!.underLoadMiB, residentMiB(child.pid));
  }
}, 500);
await sagaAtRate(loadRate, quick ? 3 : 8);
clearInterval(sampling);
await orderDb.end();
results.memory = { loadRate, processes: memory };

await stack.stop();

// ---- report -----------------------------------------------------------------------------------------------------
const outputDir = path.join(localDir, 'bench');
mkdirSync(outputDir, { recursive: true });
writeFileSync(path.join(outputDir, 'results.json'), JSON.stringify(results, null, 2));
const gateway = results.gatewayOverhead as { direct: { requestsPerSecond: number; median: number; p99: number }; viaGateway: typeof direct; throughputRatio: number };
const relayResult = results.outboxRelayVsRawProducer as { relayEventsPerSecond: number; rawProducerEventsPerSecond: number; ratio: number };
const consumerResult = results.idempotentVsPlainConsumer as { idempotentEventsPerSecond: number; plainEventsPerSecond: number; ratio: number };
const lines = [
  `| measure | value | baseline | ratio |`,
  `| --- | --- | --- | --- |`,
  `| order.list through the gateway vs direct (20 concurrent) | ${gateway.viaGateway.requestsPerSecond} req/s, p50 ${round(gateway.viaGateway.median)} ms, p99 ${round(gateway.viaGateway.p99)} ms | ${gateway.direct.requestsPerSecond} req/s, p50 ${round(gateway.direct.median)} ms, p99 ${round(gateway.direct.p99)} ms | ${gateway.throughputRatio}× less throughput |`,
  `| Kafka hop, produce -> consume (floor) | p50 ${round(hop.median, 2)} ms, p99 ${round(hop.p99, 2)} ms | | |`,
  ...sagaRuns.map(
    (run) =>
      `| saga create -> CONFIRMED at ${run.rate}/s | p50 ${round(run.median)} ms, p99 ${round(run.p99)} ms${run.sustained ? '' : ' (not sustained)'} | hop p50 ${round(hop.median, 2)} ms | ${round(run.median / hop.median)}× the hop |`,
  ),
  `| highest sustained order rate | ${highestSustained} orders/s | | |`,
  `| outbox relay publishing | ${relayResult.relayEventsPerSecond} events/s | bare producer ${relayResult.rawProducerEventsPerSecond} events/s | ${relayResult.ratio}× slower |`,
  `| idempotent consumer (dedupe transaction) | ${consumerResult.idempotentEventsPerSecond} events/s | plain consumer ${consumerResult.plainEventsPerSecond} events/s | ${consumerResult.ratio}× slower |`,
  ...Object.entries(memory).map(([name, value]) => `| memory: ${name} | idle ${value.idleMiB} MiB, under ${loadRate}/s ${value.underLoadMiB} MiB | | |`),
];
say('');
say(`bench results (${os.cpus().length} cores, ${round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}); JSON in ${path.relative(process.cwd(), outputDir)}/results.json`);
for (const line of lines) say(line);
writeFileSync(path.join(outputDir, 'table.md'), `${lines.join('\n')}\n`);
process.exit(0);
