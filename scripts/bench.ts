// `npm run bench`: figures, not pass/fail. Starts a stack of its own and measures, side by side on this machine:
// the gateway's overhead, the Kafka hop floor, the saga at rising rates until one is not sustained (with the CPU
// each process spends per confirmed order), the excess answered at twice that rate, each process's idle CPU and
// memory, the outbox relay against a bare producer and the idempotent consumer against a plain one. Writes
// docs/bench/results.json and the README's table (with --quick or --scratch: .local/bench only).
//   npx tsx --conditions=source scripts/bench.ts [--quick] [--scratch] [--rates 10,25,50] [--only saga] [--profile]
//     [--instances 1] (one payment and one notification instance instead of two)
// Profiles: summarise them with `npx tsx scripts/bench/profile-summary.ts .local/bench/profiles`.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAnonymousClient, signIn } from '@food/api-client';
import { trustHeaders } from '@food/contracts';
import { createKafkaClient, ensureTopics, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { cpuMeter, postgresPids, residentMiB, type ProcessGroups } from './bench/process-cpu.js';
import { renderTable, writeReadmeTable } from './bench/report.js';
import { sagaAtRate, summarize, type SagaRun } from './bench/saga-ramp.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scratch: { type: 'boolean', default: false },
    rates: { type: 'string' },
    'step-seconds': { type: 'string' },
    only: { type: 'string' }, // "saga": the ramp alone (partition experiments, profiles)
    profile: { type: 'boolean', default: false }, // a V8 CPU profile of each process, in .local/bench/profiles
    instances: { type: 'string', default: '2' }, // of payment and notification: 1 or 2 (the stack's default)
  },
});
const quick = args.quick;
const sagaOnly = args.only === 'saga';

process.env.STACK_PORT_OFFSET ??= '15000'; // below 32768: Linux hands out ports above it to outgoing connections
process.env.STACK_NAMESPACE ??= 'bench';
process.env.STACK_DATABASE_SUFFIX ??= '_bench';

const { prepareStack } = await import('./lib/prepare-stack.mjs');
const { startProcesses, localAccounts } = await import('./lib/stack.mjs');
const { localDir } = await import('./lib/paths.mjs');
const { stopKafka, brokerPid } = await import('./kafka.mjs');

const { say } = await import('./lib/run.mjs');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const logger = createLogger('bench', { level: 'error' });

const { settings, plan } = await prepareStack('test');
type StackProcess = { name: string; url: string; env: Record<string, string> };
const profileDir = path.join(localDir, 'bench', 'profiles');
if (args.profile) mkdirSync(profileDir, { recursive: true });
const oneInstanceEach = args.instances === '1';
const processes = plan.all
  .filter((info: StackProcess) => info.name !== 'web' && !(oneInstanceEach && /-2$/.test(info.name)))
  .map((info: StackProcess & { args: string[] }) =>
    args.profile ? { ...info, args: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${info.name}.cpuprofile`, ...info.args] } : info,
  );
say('▸ starting the bench stack');
// Started Kafka (prepareStack notes it) is stopped again on every way out, a failed start included.
const stopKafkaIfStarted = async () => {
  if ((settings as { startedKafka?: boolean }).startedKafka) await stopKafka();
};
const stack = await startProcesses(processes, { mode: 'bench' }).catch(async (error: unknown) => {
  await stopKafkaIfStarted();
  throw error;
});
const results: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
  date: new Date().toISOString(),
  topicPartitions: settings.topicPartitions,
  serviceInstances: oneInstanceEach ? 1 : 2,
};
let kafka: Kafka | undefined;
let orderDb: pg.Pool | undefined;
try {
  const serviceInfo = (name: string) => processes.find((candidate: StackProcess) => candidate.name === name) as StackProcess;
  const gatewayUrl = `${plan.gateway.url}/trpc`;
  const databaseNames = processes
    .map((info: StackProcess) => info.env.DATABASE_URL && new URL(info.env.DATABASE_URL).pathname.slice(1))
    .filter(Boolean) as string[];
  const groups: ProcessGroups = {};
  for (const { info, child } of stack.running) groups[info.name] = () => (child.pid ? [child.pid] : []);
  groups.kafka = () => [brokerPid()].filter((pid): pid is number => typeof pid === 'number');
  groups.postgresql = () => postgresPids([...new Set(databaseNames)]);
  const nodeProcesses = stack.running.map(({ info }: { info: StackProcess }) => info.name);

  // ---- warm-up: a fresh stack's first orders pay for JIT compilation, new pool connections and the consumer
  // groups' last rebalances; none of that is what a step should measure.
  const customer = `bench-${randomUUID().slice(0, 8)}@example.test`;
  await createAnonymousClient(gatewayUrl).auth.register.mutate({ email: customer, password: 'bench-password-1', name: 'Bench' });
  orderDb = new pg.Pool({ connectionString: serviceInfo('order').env.DATABASE_URL, max: 2 });
  const meter = cpuMeter(groups);
  say('▸ warm-up (the saga at 20/s, not measured)');
  await sagaAtRate({
    load: { gatewayUrl, email: customer, password: 'bench-password-1', rate: 20, seconds: quick ? 5 : 15 },
    orderDb,
    meter,
  });
  await sleep(2000);

  // ---- gateway overhead ----------------------------------------------------------------------------------------
  const { session } = await signIn(gatewayUrl, localAccounts.customer);
  const token = await session.accessToken();
  const load = async (url: string, requests: number, concurrency: number, headers: Record<string, string> = {}) => {
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
    return { requestsPerSecond: round(requests / ((performance.now() - started) / 1000)), ...summarize(latencies) };
  };
  if (!sagaOnly) {
    say('▸ gateway overhead (order.list, 20 concurrent)');
    const requests = quick ? 1000 : 4000;
    const listPath = `/trpc/order.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`;
    // Services answer only calls that carry the gateway's secret; the direct baseline carries it as the gateway would.
    const asGateway = { [trustHeaders.gatewaySecret]: plan.gateway.env.GATEWAY_SECRET as string };
    const orderUrl = serviceInfo('order').url;
    await load(`${orderUrl}${listPath}`, 200, 20, asGateway); // warm-up
    await load(`${plan.gateway.url}${listPath}`, 200, 20);
    const direct = await load(`${orderUrl}${listPath}`, requests, 20, asGateway);
    const viaGateway = await load(`${plan.gateway.url}${listPath}`, requests, 20);
    results.gatewayOverhead = {
      direct,
      viaGateway,
      throughputRatio: round(direct.requestsPerSecond / viaGateway.requestsPerSecond, 2),
      keptShare: round(viaGateway.requestsPerSecond / direct.requestsPerSecond, 2),
      p50AddedMs: round(viaGateway.median - direct.median, 2),
    };
  }

  // ---- Kafka hop floor ----------------------------------------------------------------------------------------
  say('▸ Kafka hop floor');
  kafka = createKafkaClient({ clientId: 'bench', brokers: settings.kafkaBrokers.split(','), logger });
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

  // ---- idle CPU -----------------------------------------------------------------------------------------------
  say('▸ idle CPU (10 s, nothing to do)');
  const idleMeter = cpuMeter(groups);
  idleMeter.start();
  await sleep(quick ? 5000 : 10_000);
  const idle = idleMeter.read();
  const idleCorePercent = Object.fromEntries(
    Object.entries(idle.cpuMs).map(([name, ms]) => [name, round((ms / idle.wallMs) * 100, 2)]),
  );

  // ---- the saga ramp ------------------------------------------------------------------------------------------
  const memory: Record<string, { idleMiB: number; underLoadMiB: number }> = {};
  for (const { info, child } of stack.running) memory[info.name] = { idleMiB: round(residentMiB(child.pid)), underLoadMiB: 0 };
  const sampleMemory = () => {
    for (const { info, child } of stack.running) {
      memory[info.name]!.underLoadMiB = Math.max(memory[info.name]!.underLoadMiB, round(residentMiB(child.pid)));
    }
  };
  const stepSeconds = Number(args['step-seconds'] ?? (quick ? 5 : 15));
  const runStep = async (rate: number) => {
    const sampling = setInterval(sampleMemory, 500);
    try {
      return await sagaAtRate({
        load: { gatewayUrl, email: customer, password: 'bench-password-1', rate, seconds: stepSeconds },
        orderDb: orderDb!,
        meter,
      });
    } finally {
      clearInterval(sampling);
    }
  };
  const rates = args.rates
    ? args.rates.split(',').map(Number)
    : quick
      ? [10, 25, 50]
      : [10, 25, 50, 100, 200, 300, 400, 500, 600, 800, 1000];
  say(`▸ the saga at rising rates (${stepSeconds} s each) until one is not sustained`);
  const sagaRuns: SagaRun[] = [];
  for (const rate of rates) {
    const run = await runStep(rate);
    sagaRuns.push(run);
    const nodeMs = nodeProcesses.reduce((sum: number, name: string) => sum + (run.cpuMsPerOrder[name] ?? 0), 0);
    say(
      `  ${rate}/s: p50 ${round(run.median)} ms, p99 ${round(run.p99)} ms, achieved ${round(run.achievedRate)}/s, ` +
        `Node ${round(nodeMs)} ms/order, Kafka ${round(run.cpuMsPerOrder.kafka ?? 0)} ms/order` +
        `${Object.keys(run.refused).length ? `, refused ${JSON.stringify(run.refused)}` : ''}${run.sustained ? '' : ' (not sustained)'}`,
    );
    if (!run.sustained) break;
    await sleep(2000);
  }
  const sustainedRuns = sagaRuns.filter((run) => run.sustained);
  const highestRun = sustainedRuns.at(-1);
  const highestSustained = highestRun?.rate ?? 0;
  // CPU per order is read at the highest sustained rate (or, when none was, at the first rate tried).
  const highest = highestRun ?? sagaRuns[0];

  // ---- twice the highest sustained rate: the excess is turned away, not crashed into --------------------------
  let overload: SagaRun | undefined;
  if (highestSustained > 0) {
    await sleep(3000);
    say(`▸ overload: ${2 * highestSustained}/s (twice the highest sustained rate)`);
    overload = await runStep(2 * highestSustained);
    say(
      `  accepted ${overload.orders} of ${2 * highestSustained * stepSeconds}, overload answers retried ${JSON.stringify(overload.overloaded)}, ` +
        `refused ${JSON.stringify(overload.refused)}, finished ${overload.finished}`,
    );
  }
  const nodeCpuOf = (run: SagaRun | undefined) =>
    run ? round(nodeProcesses.reduce((sum: number, name: string) => sum + (run.cpuMsPerOrder[name] ?? 0), 0), 2) : Number.NaN;
  const at50 = sagaRuns.find((run) => run.rate === 50);
  results.kafkaFloorVsSaga = {
    hop: { median: round(hop.median, 2), p99: round(hop.p99, 2) },
    saga: sagaRuns,
    sagaMedianAsHopMultiple: round((sagaRuns[0]?.median ?? 0) / hop.median),
    sagaAt50: at50 && { medianAsHopMultiple: round(at50.median / hop.median, 1), p99AsHopMultiple: round(at50.p99 / hop.median, 1) },
    highestSustainedOrdersPerSecond: highestSustained,
  };
  results.cpuMeasuredAtRate = highest?.rate;
  results.nodeCpuMsPerOrder = nodeCpuOf(highest);
  results.brokerCpuMsPerOrder = highest ? round(highest.cpuMsPerOrder.kafka ?? Number.NaN, 2) : Number.NaN;
  results.cpuMsPerOrderByProcess = highest && Object.fromEntries(Object.entries(highest.cpuMsPerOrder).map(([name, ms]) => [name, round(ms, 2)]));
  results.idleCpuPercentOfCore = idleCorePercent;
  results.overload = overload && {
    rate: overload.rate,
    accepted: overload.orders,
    overloadAnswers: overload.overloaded,
    refused: overload.refused,
    finished: overload.finished,
  };
  results.memory = { loadRate: highestSustained, processes: memory };

  if (!sagaOnly) {
    await sleep(3000);
    // Imported here: it uses a generated Prisma client, which exists once prepareStack has built the apps.
    const { measureRuntimeThroughput } = await import('./bench/runtime-throughput.js');
    Object.assign(
      results,
      await measureRuntimeThroughput({
        kafka,
        namespace: settings.kafkaNamespace,
        postgresUrl: settings.postgresUrl,
        eventCount: quick ? 2000 : 10_000,
        logger,
        say,
      }),
    );
  }
} finally {
  await orderDb?.end();
  await stack.stop();
  await stopKafkaIfStarted();
}

// ---- report -----------------------------------------------------------------------------------------------------
const scratch = quick || args.scratch || sagaOnly;
const outputDir = scratch ? path.join(localDir, 'bench') : path.resolve('docs/bench');
mkdirSync(outputDir, { recursive: true });
writeFileSync(path.join(outputDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const table = renderTable(results);
say('');
say(`bench results (${os.cpus().length} cores, ${round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}); JSON in ${path.relative(process.cwd(), outputDir)}/results.json`);
say(table);
if (!scratch) writeReadmeTable(path.resolve('README.md'), table);
process.exit(0);
