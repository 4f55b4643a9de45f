// The run, as its steps: start the stack, load it while the faults strike, let it settle, check, report.
import { signIn, type ApiClient } from '@food/api-client';
import { localAccounts } from '../lib/stack.mjs';
import { recoveryChecks, type FaultRecovery } from './backlog-drain.js';
import type { ChaosStack } from './chaos-stack.js';
import { say, seconds, type Check } from './check.js';
import { serviceDatabases, type Databases } from './databases.js';
import type { Fault } from './fault.js';
import { runFaults } from './fault-runner.js';
import { faultSchedule } from './faults/schedule.js';
import { checkInvariants } from './invariants/index.js';
import { stuckOrders } from './invariants/orders.js';
import { readRunFacts } from './invariants/run-facts.js';
import { placeOrders, registerCustomers } from './load.js';
import type { ChaosOptions } from './options.js';
import type { ChaosResult } from './report.js';
import { replayUntilTerminal, settle } from './settle.js';
import { browseUntil, browsingChecks, customersSeeTheirOrders, signInThroughWeb } from './web-visits.js';

const problemsOf = (checks: Check[], name: string) => checks.find((entry) => entry.name.startsWith(name))?.problems ?? 0;

function announce(options: ChaosOptions, faults: Fault[], loadMs: number) {
  say(`▸ placing ${options.orderCount} orders at ${options.ratePerSecond}/s (about ${seconds(loadMs)}); every 5th payment is declined`);
  say('  fault schedule:');
  for (const fault of faults) say(`    at ${seconds(fault.at * loadMs).padStart(7)}  ${fault.name}`);
}

/** The load phase: orders through the gateway, customers browsing through the web address, faults striking. */
async function loadUnderFaults(options: ChaosOptions, stack: ChaosStack, db: Databases, admin: ApiClient) {
  const customers = await registerCustomers(stack.gatewayTrpcUrl, 10);
  const sessions = await signInThroughWeb(stack.webAddress, customers);
  const loadMs = (options.orderCount / options.ratePerSecond) * 1000;
  const started = Date.now();
  const faults = faultSchedule(options, { stack, db, admin, started });
  announce(options, faults, loadMs);
  const faultsDone = runFaults(faults, { started, loadMs, db });
  const loading = placeOrders(customers, { ...options, started });
  const browsing = browseUntil(sessions, loading);
  const { placed, createRetries } = await loading;
  const loadEndedAt = Date.now();
  const outcome = await faultsDone;
  say(`▸ load done: ${placed.length} orders placed in ${seconds(Date.now() - started)} (${createRetries} create calls retried)`);
  return { faults, placed, createRetries, outcome, loadEndedAt, sessions, browsing: await browsing };
}

export async function runChaos(options: ChaosOptions, stack: ChaosStack): Promise<ChaosResult> {
  await stack.startAll();
  const db = serviceDatabases((service) => stack.databaseUrl(service));
  const admin = (await signIn(stack.gatewayTrpcUrl, localAccounts.admin)).client;
  await admin.payment.setProviderOutage.mutate({ enabled: false });
  const load = await loadUnderFaults(options, stack, db, admin);

  const ids = load.placed.map((order) => order.orderId);
  const { replays, stillPending } = await replayUntilTerminal(db, admin, ids);
  const allTerminalAt = stillPending === 0 ? Date.now() : null;
  const allTerminalMs = allTerminalAt === null ? null : allTerminalAt - load.outcome.lastFaultEnded;
  // The load goes on after the last fault (the faults are spread over it): this is the tail after both.
  const tailMs = allTerminalAt === null ? null : allTerminalAt - Math.max(load.outcome.lastFaultEnded, load.loadEndedAt);
  const faultOrder = (recovery: FaultRecovery) => load.faults.findIndex((fault) => fault.name === recovery.fault);
  const recoveries = (await Promise.all(load.outcome.recoveries)).sort((a, b) => faultOrder(a) - faultOrder(b));
  await settle(db, ids);

  const facts = await readRunFacts(db, load.placed);
  const checks = [
    ...(await checkInvariants(stack, facts)),
    ...load.outcome.checks,
    ...browsingChecks(load.sessions, load.browsing),
    await customersSeeTheirOrders(load.sessions, load.placed, facts.statusOf),
    // Loose bounds, for a loaded machine: they catch a backlog that never drains; the report has the real figures.
    ...recoveryChecks(recoveries, allTerminalMs, 180_000),
  ];
  return {
    placed: load.placed.length,
    brokers: options.cluster ? 3 : 1,
    faults: load.faults.map((fault) => fault.name),
    createRetries: load.createRetries,
    replays,
    stuck: stuckOrders(facts),
    duplicates: problemsOf(checks, 'no event processed twice'),
    lost: problemsOf(checks, 'no message lost'),
    recoveries,
    allTerminalMs,
    tailMs,
    checks,
  };
}
