// `npm test`: sets up what the tests need (the same steps as `npm start`, on test ports and `_test` databases),
// starts the stack, runs every test runner, and ends with one line totalling them all: `N passed, N failed, N skipped`.
// `npm test -- <vitest filters>` runs only the matching test files on the same stack, and no short chaos run.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { localDir } from './lib/paths.mjs';
import { prepareStack } from './lib/prepare-stack.mjs';
import { run, say, step, StepError } from './lib/run.mjs';

const resultsDir = path.join(localDir, 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const vitestFilters = process.argv.slice(2);
let stack;
let spanSink;
let startedKafka = false;

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load has no test results of its own; count it so the run cannot look green.
  const brokenSuites = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0);
  totals.failed += brokenSuites.length;
  return true;
}

async function runVitest(stackEnv) {
  const outputFile = path.join(resultsDir, 'vitest.json');
  rmSync(outputFile, { force: true });
  try {
    await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`, ...vitestFilters], {
      env: { ...process.env, ...stackEnv },
    });
  } catch {
    // failures are counted from the report below
  }
  if (!countVitest(outputFile)) {
    say('✖ vitest wrote no report');
    totals.failed += 1;
  }
}

/**
 * The short fault-injection run (scripts/chaos.ts --short) on a stack of its own, after the other tests because it
 * restarts the Kafka broker. Each invariant it checks counts as one test.
 */
async function runShortChaos() {
  // KAFKA_BROKERS_IN_CLUSTER=3 puts the whole run on the 3-broker cluster; its chaos then kills a partition leader.
  const cluster = process.env.KAFKA_BROKERS_IN_CLUSTER === '3';
  const resultFile = path.join(resultsDir, `chaos-short${cluster ? '-cluster' : ''}.json`);
  rmSync(resultFile, { force: true });
  say(`▸ short fault-injection run (scripts/chaos.ts --short${cluster ? ', 3-broker cluster' : ''})`);
  try {
    // Moved with STACK_NAMESPACE / STACK_DATABASE_SUFFIX (two runs at once), chaos would otherwise take this run's
    // own databases and topics, and count the tests' data in its invariants: it gets its own, as its defaults do.
    const env = { ...process.env };
    if (env.STACK_NAMESPACE) env.STACK_NAMESPACE = `${env.STACK_NAMESPACE}chaos`;
    if (env.STACK_DATABASE_SUFFIX) env.STACK_DATABASE_SUFFIX = `${env.STACK_DATABASE_SUFFIX}_chaos`;
    await run('npx', ['tsx', '--conditions=source', 'scripts/chaos.ts', '--short'], { env });
  } catch {
    // the invariants are counted from the result file below
  }
  if (!existsSync(resultFile)) {
    say('✖ the chaos run wrote no result');
    totals.failed += 1;
    return;
  }
  const { checks } = JSON.parse(readFileSync(resultFile, 'utf8'));
  for (const check of checks) {
    if (check.problems === 0) totals.passed += 1;
    else totals.failed += 1;
  }
}

let exitCode = 1;
try {
  const { settings, plan } = await prepareStack('test');
  const { ensureChromium } = await import('./lib/chromium.mjs');
  await step('Chromium for the browser tests', ensureChromium);
  startedKafka = settings.startedKafka;
  const { startProcesses, stackLogDir, waitUntilServicesOk } = await import('./lib/stack.mjs');
  const { startSpanSink } = await import('./lib/span-sink.mjs');
  spanSink = await startSpanSink(4318 + settings.portOffset, settings.host);
  // Every process exports its spans to the sink, so a test can see one order's trace across services.
  const processes = [...plan.all, plan.secondWeb, plan.webBalancer];
  for (const info of processes) Object.assign(info.env, { OTEL_EXPORTER_OTLP_ENDPOINT: spanSink.url, TRACING_EXPORT_DELAY_MS: '200' });
  say('▸ starting the test stack (logs in .local/logs/test/)');
  stack = await startProcesses(processes, { mode: 'test' });
  // Until then the stack is starting: test/clean-start.test.ts reads the logs written up to this moment.
  const readyAt = await waitUntilServicesOk(processes);
  const { testStackEnv } = await import('./lib/test-stack-env.mjs');
  const stackEnv = testStackEnv(settings, plan, { spanSinkUrl: spanSink.url, logDir: stackLogDir('test'), readyAt }, processes);
  await runVitest(stackEnv);
  await stack.stop();
  stack = undefined;
  if (vitestFilters.length === 0) await runShortChaos();
  exitCode = totals.failed === 0 && totals.passed > 0 ? 0 : 1;
} catch (error) {
  say(error instanceof StepError ? `✖ ${error.message}` : `✖ ${error.stack ?? error}`);
  totals.failed += 1;
} finally {
  await stack?.stop();
  await spanSink?.close();
  if (startedKafka) {
    const { stopKafka } = await import('./kafka.mjs');
    await stopKafka();
  }
}
say(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
