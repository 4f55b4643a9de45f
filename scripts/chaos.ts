// `npm run chaos`: the fault-injection run. Starts a stack of its own (two payment and two notification
// instances), places orders at a steady rate through the gateway while killing and restarting services, restarting
// the Kafka broker, cutting a database's connections and switching the payment provider into an outage; then
// waits for quiet, replays what was dead-lettered, and checks the invariants straight from the databases and topics.
//   npx tsx --conditions=source scripts/chaos.ts [--orders 5000] [--rate 40] [--short]
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAnonymousClient, signIn, type ApiClient } from '@food/api-client';
import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import pg from 'pg';
import { describeRecoveries, recoveryChecks, timeBacklogDrain, type FaultRecovery } from './chaos/backlog-drain.js';

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string' },
    rate: { type: 'string' },
    short: { type: 'boolean', default: false },
  },
});
const short = args.short;
const orderCount = Number(args.orders ?? (short ? 300 : 5000));
const ratePerSecond = Number(args.rate ?? (short ? 30 : 40));

// A stack of its own: other ports, databases and Kafka namespace than npm start and npm test.
process.env.STACK_PORT_OFFSET ??= '20000'; // below 32768: Linux hands out ports above it to outgoing connections
process.env.STACK_NAMESPACE ??= 'chaos';
process.env.STACK_DATABASE_SUFFIX ??= '_chaos';

const { prepareStack } = await import('./lib/prepare-stack.mjs');
const {
  stackPlan,
  launchProcess,
  stopProcess,
  waitForHealth,
  stackLogDir,
  localAccounts,
  assertPortsFree,
} = await import('./lib/stack.mjs');
const { loadLocalSecrets } = await import('./lib/secrets.mjs');
const { startKafka, stopKafka, waitForKafka } = await import('./kafka.mjs');
const { localDir } = await import('./lib/paths.mjs');

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---- the stack, with processes we can kill and restart --------------------------------------------------------

const { settings } = await prepareStack('test');
const plan = await stackPlan(settings, loadLocalSecrets());
const processes = plan.all.filter((info: { name: string }) => info.name !== 'web');
const logDir = stackLogDir('chaos');
type Running = ReturnType<typeof launchProcess>;
const running = new Map<string, Running>();

async function start(name: string) {
  const info = processes.find((candidate: { name: string }) => candidate.name === name);
  const launched = launchProcess(info, { logDir });
  running.set(name, launched);
  await waitForHealth(launched.info, launched.child, 90_000);
}

async function stopAll() {
  await Promise.all([...running.values()].map(({ child }) => stopProcess(child)));
}

/** The run itself; whatever fails in it, the processes it started are stopped before the script exits. */
async function runChaos() {
  say(`▸ starting the chaos stack (logs in ${path.relative(process.cwd(), logDir)})`);
  await assertPortsFree(processes);
  for (const info of processes) await start(info.name);

  const url = `${plan.gateway.url}/trpc`;
  const databaseUrl = (service: string): string => {
    const info = plan.services.find((candidate: { name: string }) => candidate.name === service);
    if (!info) throw new Error(`no service ${service}`);
    return info.env.DATABASE_URL;
  };

  async function query<T extends pg.QueryResultRow>(
    service: string,
    sql: string,
    values: unknown[] = [],
  ) {
    const client = new pg.Client({ connectionString: databaseUrl(service) });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** `SELECT count(*)::int AS n …` in a service's database, as a number. */
  async function count(service: string, sql: string, values: unknown[] = []): Promise<number> {
    return (await query<{ n: number }>(service, sql, values))[0]?.n ?? 0;
  }

  const unsentOutboxRows = async () => {
    let unsent = 0;
    for (const service of ['order', 'payment', 'notification']) {
      unsent += await count(
        service,
        'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL',
      );
    }
    return unsent;
  };

  // ---- faults -----------------------------------------------------------------------------------------------------

  interface Fault {
    at: number; // fraction of the load phase
    name: string;
    inject: () => Promise<void>;
  }

  const killAndRestart =
    (name: string): Fault['inject'] =>
    async () => {
      const victim = running.get(name);
      victim?.child.kill('SIGKILL');
      await sleep(1000);
      await start(name);
    };

  const admin = await signIn(url, localAccounts.admin);
  const retrying = async <T>(
    what: string,
    call: () => Promise<T>,
    timeoutMs = 60_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await call();
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${what} kept failing`, { cause: error });
        await sleep(500);
      }
    }
  };

  /** How long after the broker stopped each service's /health said `degraded`, and what it named. */
  const degradedAfterBrokerStop = new Map<string, { ms: number; loops: string } | null>();
  const healthOf = async (name: string) => {
    const info = processes.find((candidate: { name: string }) => candidate.name === name);
    const service = name.replace(/-\d+$/, '');
    const answer = await fetch(`${info.url}/trpc/${service}.health`).then((response) => response.json(), () => null);
    type Report = { status?: string; loops?: Array<{ name: string; ok: boolean; detail?: string }> };
    return (answer as { result?: { data?: Report } } | null)?.result?.data;
  };
  const watchHealthDegraded = async (stoppedAt: number) => {
    await Promise.all(
      ['order', 'payment', 'notification'].map(async (service) => {
        while (Date.now() - stoppedAt < 10_000) {
          const report = await healthOf(service);
          if (report?.status === 'degraded') {
            const loops = (report.loops ?? []).filter((loop) => !loop.ok).map((loop) => `${loop.name}: ${loop.detail ?? ''}`);
            degradedAfterBrokerStop.set(service, { ms: Date.now() - stoppedAt, loops: loops.join('; ') });
            return;
          }
          await sleep(250);
        }
        degradedAfterBrokerStop.set(service, null);
      }),
    );
  };
  const restartBroker = async () => {
    for (const service of ['order', 'payment', 'notification']) {
      const report = await healthOf(service);
      if (!report) say(`  ! ${service} did not answer /health before the broker stopped (an instance restarting)`);
      else if (report.status !== 'ok') say(`  ! ${service} was already degraded before the broker stopped: ${JSON.stringify(report.loops)}`);
    }
    await stopKafka({ quiet: true });
    const watching = watchHealthDegraded(Date.now());
    await sleep(3000);
    await startKafka();
    await waitForKafka(90_000);
    await watching;
  };

  /** Arms the simulated provider's one-shot crash, waits for a payment instance to die of it, and restarts it. */
  const crashAfterCapture = async () => {
    const instances = ['payment', 'payment-2'];
    const exited = (name: string) => {
      const child = running.get(name)?.child;
      return child ? child.exitCode !== null || child.signalCode !== null : false;
    };
    await query(
      'payment',
      `INSERT INTO provider_setting (key, enabled, updated_by) VALUES ('crash-after-capture', true, 'chaos')
       ON CONFLICT (key) DO UPDATE SET enabled = true, updated_at = now()`,
    );
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !instances.some(exited)) await sleep(100);
    await query('payment', "UPDATE provider_setting SET enabled = false WHERE key = 'crash-after-capture'");
    const crashed = instances.filter(exited);
    say(`    ${crashed.length ? `${crashed.join(', ')} died between capture and commit` : 'no capture within 20 s: nothing crashed'}`);
    for (const name of crashed) await start(name);
  };

  const faults: Fault[] = short
    ? [
        {
          at: 0.3,
          name: 'SIGKILL payment (instance 1), restart',
          inject: killAndRestart('payment'),
        },
        {
          at: 0.6,
          name: 'restart the Kafka broker (stop, wait 3 s, start)',
          inject: restartBroker,
        },
        { at: 0.8, name: 'crash a payment instance between capture and commit, restart it', inject: crashAfterCapture },
      ]
    : [
        { at: 0.08, name: 'SIGKILL order, restart', inject: killAndRestart('order') },
        {
          at: 0.16,
          name: 'SIGKILL payment (instance 1), restart',
          inject: killAndRestart('payment'),
        },
        {
          at: 0.24,
          name: 'SIGKILL notification (instance 1), restart',
          inject: killAndRestart('notification'),
        },
        { at: 0.32, name: 'SIGKILL gateway, restart', inject: killAndRestart('gateway') },
        {
          at: 0.4,
          name: 'restart the Kafka broker (stop, wait 3 s, start)',
          inject: restartBroker,
        },
        {
          at: 0.6,
          name: "terminate every connection of order's database",
          inject: async () => {
            const client = new pg.Client({ connectionString: settings.postgresUrl });
            await client.connect();
            const database = new URL(databaseUrl('order')).pathname.slice(1);
            await client.query(
              'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
              [database],
            );
            await client.end();
          },
        },
        { at: 0.7, name: 'crash a payment instance between capture and commit, restart it', inject: crashAfterCapture },
        {
          // Late, once the consumers have caught up after the broker restart, so that charges really fail.
          at: 0.88,
          name: 'payment provider outage for 5 s',
          inject: async () => {
            await retrying('outage on', () =>
              admin.client.payment.setProviderOutage.mutate({ enabled: true }),
            );
            await sleep(5000);
            await retrying('outage off', () =>
              admin.client.payment.setProviderOutage.mutate({ enabled: false }),
            );
          },
        },
      ];

  // ---- load -------------------------------------------------------------------------------------------------------

  await admin.client.payment.setProviderOutage.mutate({ enabled: false });
  const customers: ApiClient[] = [];
  for (let i = 0; i < 10; i += 1) {
    const email = `chaos-${randomUUID().slice(0, 8)}@example.test`;
    await createAnonymousClient(url).auth.register.mutate({
      email,
      password: 'chaos-password-1',
      name: `Chaos ${i}`,
    });
    customers.push((await signIn(url, { email, password: 'chaos-password-1' })).client);
  }

  const loadMs = (orderCount / ratePerSecond) * 1000;
  say(
    `▸ placing ${orderCount} orders at ${ratePerSecond}/s (about ${seconds(loadMs)}); every 5th payment is declined`,
  );
  say('  fault schedule:');
  for (const fault of faults)
    say(`    at ${seconds(fault.at * loadMs).padStart(7)}  ${fault.name}`);

  interface Placed {
    orderId: string;
    declined: boolean;
  }
  const placed: Placed[] = [];
  let createRetries = 0;
  const started = Date.now();
  let lastFaultEnded = started;
  // Orders of this run (the database may hold earlier runs') not terminal, leaving out those waiting for a replay.
  const pendingAcceptedBy = async (until: Date) => {
    const waiting = await query<{ key: string }>(
      'payment',
      "SELECT message_key AS key FROM dead_letter WHERE status = 'PENDING' AND original_topic = 'order.created' AND message_key IS NOT NULL",
    );
    return count(
      'order',
      `SELECT count(*)::int AS n FROM customer_order WHERE status = 'PENDING_PAYMENT' AND created_at BETWEEN $1 AND $2
       AND NOT (id::text = ANY($3::text[]))`,
      [new Date(started), until, waiting.map((row) => row.key)],
    );
  };
  const draining: Array<Promise<FaultRecovery>> = [];

  const faultsDone = Promise.all(
    faults.map(async (fault) => {
      await sleep(fault.at * loadMs);
      const faultStart = Date.now();
      say(`  ! ${seconds(faultStart - started)}: ${fault.name}`);
      await fault.inject();
      const faultEnd = Date.now();
      lastFaultEnded = Math.max(lastFaultEnded, faultEnd);
      const window = { name: fault.name, startedAt: faultStart, endedAt: faultEnd };
      draining.push(timeBacklogDrain(window, pendingAcceptedBy, { timeoutMs: 240_000 }));
      say(
        `  ✓ ${seconds(Date.now() - started)}: recovered from "${fault.name}" in ${seconds(Date.now() - faultStart)}`,
      );
    }),
  );

  // Awaited after the load; until then a fault that fails (a process that does not come back) must not end the
  // script as an unhandled rejection, which would leave the stack running: it fails the run at that await.
  faultsDone.catch(() => undefined);

  async function placeOrder(index: number) {
    const declined = index % 5 === 4;
    const input = {
      restaurantId: 'trattoria-roma',
      items: [
        { menuItemId: index % 2 ? 'roma-margherita' : 'roma-carbonara', quantity: 1 + (index % 3) },
      ],
      deliveryAddress: `${index} Chaos Street`,
      paymentMethod: declined ? 'tok_decline' : 'tok_visa',
      idempotencyKey: randomUUID(),
    };
    const client = customers[index % customers.length]!;
    // The same idempotency key on every retry: a create whose answer was lost returns the order it created.
    const order = await retrying(
      `order ${index}`,
      async () => {
        try {
          return await client.order.create.mutate(input);
        } catch (error) {
          createRetries += 1;
          throw error;
        }
      },
      120_000,
    );
    placed.push({ orderId: order.id, declined });
  }

  const inFlight = new Set<Promise<void>>();
  for (let index = 0; index < orderCount; index += 1) {
    const due = started + (index / ratePerSecond) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    const pending = placeOrder(index).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  }
  await Promise.all(inFlight);
  await faultsDone;
  say(
    `▸ load done: ${placed.length} orders placed in ${seconds(Date.now() - started)} (${createRetries} create calls retried)`,
  );

  // ---- quiet, replay, terminal --------------------------------------------------------------------------------------

  const ids = placed.map((order) => order.orderId);
  const pendingCount = async () =>
    await count(
      'order',
      "SELECT count(*)::int AS n FROM customer_order WHERE status = 'PENDING_PAYMENT' AND id = ANY($1::uuid[])",
      [ids],
    );
  const deadLetterCount = async (service: string) =>
    await count(service, "SELECT count(*)::int AS n FROM dead_letter WHERE status = 'PENDING'");

  async function waitForQuiet(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    let previous = -1;
    let stableSince = Date.now();
    for (;;) {
      const pending = await pendingCount();
      if (pending === 0) return 0;
      if (pending !== previous) stableSince = Date.now();
      previous = pending;
      // Quiet: nothing moved for 10 s (the rest waits in a dead-letter queue), or time is up.
      if (Date.now() - stableSince > 10_000 || Date.now() > deadline) return pending;
      await sleep(1000);
    }
  }

  let stillPending = await waitForQuiet(180_000);
  const replays: Record<string, number> = {};
  for (let round = 0; round < 3; round += 1) {
    let replayed = 0;
    for (const service of ['payment', 'order', 'notification'] as const) {
      const depth = await deadLetterCount(service);
      if (depth === 0) continue;
      const result = await admin.client[service].deadLetters.replayMatching.mutate({
        filter: { status: 'PENDING' },
      });
      replays[service] = (replays[service] ?? 0) + result.replayed.length;
      replayed += result.replayed.length;
    }
    if (replayed === 0 && stillPending === 0) break;
    say(
      replayed > 0
        ? `  replayed ${replayed} dead letter(s); waiting for the saga to finish`
        : `  ${stillPending} order(s) still pending and no dead letter to replay; waiting longer`,
    );
    stillPending = await waitForQuiet(120_000);
  }
  const allTerminalMs = Date.now() - lastFaultEnded;
  const faultOrder = (recovery: FaultRecovery) => faults.findIndex((fault) => fault.name === recovery.fault);
  const recoveries = (await Promise.all(draining)).sort((a, b) => faultOrder(a) - faultOrder(b));
  // Let consumers of the last events (notifications) and the relays settle before counting.
  for (let i = 0; i < 30; i += 1) {
    const notifications = await count(
      'notification',
      'SELECT count(*)::int AS n FROM notification WHERE order_id = ANY($1::uuid[])',
      [ids],
    );
    if ((await unsentOutboxRows()) === 0 && notifications === ids.length) break;
    await sleep(1000);
  }

  // ---- invariants ---------------------------------------------------------------------------------------------------

  interface Check {
    name: string;
    problems: number;
    detail?: string;
  }
  const checks: Check[] = [];
  const check = (name: string, problems: number, detail?: string) =>
    checks.push({ name, problems, detail });

  const orders = await query<{ id: string; status: string }>(
    'order',
    'SELECT id::text, status FROM customer_order WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const statusOf = new Map(orders.map((order) => [order.id, order.status]));
  check('every placed order exists', ids.filter((id) => !statusOf.has(id)).length);
  check(
    'no order stuck in PENDING_PAYMENT',
    orders.filter((order) => order.status === 'PENDING_PAYMENT').length,
  );
  check(
    'declined payments cancelled, the others confirmed',
    placed.filter(
      ({ orderId, declined }) => statusOf.get(orderId) !== (declined ? 'CANCELLED' : 'CONFIRMED'),
    ).length,
  );

  const payments = await query<{ order_id: string; n: number; captured: number }>(
    'payment',
    "SELECT order_id::text, count(*)::int AS n, count(*) FILTER (WHERE status = 'CAPTURED')::int AS captured FROM payment WHERE order_id = ANY($1::uuid[]) GROUP BY order_id",
    [ids],
  );
  const paymentOf = new Map(payments.map((row) => [row.order_id, row]));
  check('exactly one payment per order', ids.filter((id) => paymentOf.get(id)?.n !== 1).length);
  const ledger = await query<{ order_id: string; status: string; requests: number }>(
    'payment',
    'SELECT order_id::text, status, requests FROM simulated_provider_charge WHERE order_id = ANY($1::uuid[])',
    [ids],
  );
  const ledgerOf = new Map(ledger.map((row) => [row.order_id, row]));
  check(
    "the provider's ledger: one capture per confirmed order, none for a declined one",
    placed.filter(({ orderId, declined }) => (ledgerOf.get(orderId)?.status === 'captured') === declined).length,
    `${ledger.filter((row) => row.requests > 1).length} charges asked again with the same key, answered without charging`,
  );
  check(
    'no captured payment for a declined order',
    placed.filter(
      ({ orderId, declined }) => declined && (paymentOf.get(orderId)?.captured ?? 0) > 0,
    ).length,
  );

  const notifications = await query<{ order_id: string; kinds: string[] }>(
    'notification',
    'SELECT order_id::text, array_agg(kind ORDER BY kind) AS kinds FROM notification WHERE order_id = ANY($1::uuid[]) GROUP BY order_id',
    [ids],
  );
  const kindsOf = new Map(notifications.map((row) => [row.order_id, row.kinds.join(',')]));
  check(
    "exactly one notification per order, its outcome",
    placed.filter(({ orderId, declined }) => kindsOf.get(orderId) !== (declined ? 'ORDER_CANCELLED' : 'ORDER_CONFIRMED')).length,
  );

  const paymentProcessed = await count(
    'payment',
    "SELECT count(*)::int AS n FROM processed_event WHERE topic = 'order.created'",
  );
  const paymentRows = await count('payment', 'SELECT count(*)::int AS n FROM payment');
  const notificationProcessed = await count(
    'notification',
    'SELECT count(*)::int AS n FROM processed_event',
  );
  const notificationRows = await count(
    'notification',
    'SELECT count(*)::int AS n FROM notification',
  );
  const orderProcessed = await count('order', 'SELECT count(*)::int AS n FROM processed_event');
  const orderApplied = await count(
    'order',
    "SELECT count(*)::int AS n FROM order_timeline_entry WHERE source = 'payment'",
  );
  const duplicateEffects =
    Math.abs(paymentProcessed - paymentRows) +
    Math.abs(notificationProcessed - notificationRows) +
    Math.abs(orderProcessed - orderApplied);
  check(
    'no event processed twice (processed events match effects)',
    duplicateEffects,
    `payment ${paymentProcessed}/${paymentRows}, notification ${notificationProcessed}/${notificationRows}, order ${orderProcessed}/${orderApplied}`,
  );

  check('no outbox row left unsent', await unsentOutboxRows());

  const stillDegraded: string[] = [];
  for (const { name } of processes.filter((info: { name: string }) => /^(order|payment|notification)(-\d+)?$/.test(info.name))) {
    const report = await healthOf(name);
    if (report?.status !== 'ok') stillDegraded.push(`${name}: ${JSON.stringify((report?.loops ?? []).filter((loop) => !loop.ok))}`);
  }
  check('every service healthy again, every consumer, store and relay running', stillDegraded.length, stillDegraded.join('; '));

  check(
    'every service said degraded within 10 s of the broker stopping',
    [...degradedAfterBrokerStop.values()].filter((seen) => seen === null).length,
    [...degradedAfterBrokerStop]
      .map(([service, seen]) => `${service} ${seen === null ? 'never' : `${(seen.ms / 1000).toFixed(1)} s (${seen.loops})`}`)
      .join(', '),
  );

  // Every order.created on the topic is accounted for by a payment or a dead letter, and every order has one.
  const kafka = createKafkaClient({
    clientId: 'chaos-audit',
    brokers: settings.kafkaBrokers.split(','),
    logger: createLogger('chaos', { level: 'error' }),
  });
  const topic = namespaced(settings.kafkaNamespace, 'order.created');
  const kafkaAdmin = kafka.admin();
  await kafkaAdmin.connect();
  const ends = await kafkaAdmin.fetchTopicOffsets(topic);
  await kafkaAdmin.disconnect();
  const onTopic = new Map<string, string>(); // eventId -> orderId
  const auditor = kafka.consumer({ groupId: `chaos-audit-${randomUUID()}` });
  await auditor.connect();
  await auditor.subscribe({ topic, fromBeginning: true });
  // Read each partition up to the end it had when the audit began.
  const unread = new Map(
    ends
      .filter((end) => Number(end.high) > Number(end.low))
      .map((end) => [end.partition, Number(end.high)]),
  );
  await new Promise<void>((resolve) => {
    if (unread.size === 0) resolve();
    void auditor.run({
      eachMessage: async ({ partition, message }) => {
        try {
          const envelope = JSON.parse(message.value?.toString() ?? '') as {
            eventId: string;
            payload: { orderId: string };
          };
          onTopic.set(envelope.eventId, envelope.payload.orderId);
        } catch {
          // not an event (a malformed message): the dead-letter queue accounts for it, not this audit
        }
        if (Number(message.offset) + 1 >= (unread.get(partition) ?? 0)) unread.delete(partition);
        if (unread.size === 0) resolve();
      },
    });
  });
  await auditor.disconnect();
  const accounted = new Set(
    (
      await query<{ event_id: string }>(
        'payment',
        "SELECT event_id::text FROM processed_event WHERE topic = 'order.created' UNION SELECT event_id FROM dead_letter WHERE original_topic = 'order.created' AND event_id IS NOT NULL",
      )
    ).map((row) => row.event_id),
  );
  const ordersOnTopic = new Set(onTopic.values());
  const lost =
    [...onTopic.keys()].filter((eventId) => !accounted.has(eventId)).length +
    ids.filter((id) => !ordersOnTopic.has(id)).length;
  check(
    'no message lost (every order.created paid or dead-lettered; every order on the topic)',
    lost,
  );

  const histories = await query<{ order_id: string; statuses: string[]; first_type: string }>(
    'order',
    `SELECT order_id::text, array_agg(status ORDER BY id) FILTER (WHERE status IS NOT NULL) AS statuses,
            (array_agg(event_type ORDER BY id))[1] AS first_type
     FROM order_timeline_entry WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`,
    [ids],
  );
  const outOfOrder = histories.filter(
    (history) =>
      history.first_type !== 'order.created' ||
      history.statuses.length !== 2 ||
      history.statuses[0] !== 'PENDING_PAYMENT' ||
      !['CONFIRMED', 'CANCELLED'].includes(history.statuses[1] ?? ''),
  ).length;
  check('every status history is in saga order', outOfOrder + (ids.length - histories.length));
  // Loose bounds, for a loaded machine: they catch a backlog that never drains; the report has the real figures.
  checks.push(...recoveryChecks(recoveries, allTerminalMs, 180_000));

  await stopAll();

  // ---- summary ------------------------------------------------------------------------------------------------------

  const failed = checks.filter((entry) => entry.problems > 0);
  say('');
  say('chaos summary');
  say(`  orders placed          ${placed.length}`);
  say(
    `  faults injected        ${faults.length} (${faults.map((fault) => fault.name).join('; ')})`,
  );
  say(
    `  dead letters replayed  ${
      Object.entries(replays)
        .map(([service, n]) => `${service} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  say(
    `  stuck                  ${orders.filter((order) => order.status === 'PENDING_PAYMENT').length}`,
  );
  say(`  duplicates             ${duplicateEffects}`);
  say(`  lost                   ${lost}`);
  say('  fault -> backlog drained (every order accepted before the fault ended terminal)');
  for (const line of describeRecoveries(recoveries)) say(line);
  say(`  last fault -> all terminal  ${seconds(allTerminalMs)}`);
  for (const entry of checks)
    say(
      `  ${entry.problems === 0 ? '✓' : '✖'} ${entry.name}${entry.problems ? `: ${entry.problems} problem(s)` : ''}${entry.detail ? ` (${entry.detail})` : ''}`,
    );
  const resultsDir = path.join(localDir, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, short ? 'chaos-short.json' : 'chaos.json'),
    JSON.stringify(
      {
        placed: placed.length,
        faults: faults.map((fault) => fault.name),
        checks,
        allTerminalMs,
        recoveries,
        replays,
      },
      null,
      2,
    ),
  );
  process.exit(failed.length === 0 ? 0 : 1);
}

await runChaos().catch(async (error: unknown) => {
  say(`✖ ${(error as Error).stack ?? String(error)}`);
  await stopAll();
  process.exit(1);
});
