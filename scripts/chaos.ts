// `npm run chaos`: the fault-injection run. Starts a stack of its own (two payment, two notification and two web
// instances, the web ones behind one address), places orders at a steady rate through the gateway while customers
// browse through the web address, and kills and restarts services, restarts the Kafka broker (or, on the 3-broker
// cluster, SIGKILLs the broker leading the most order.created partitions), cuts a database's connections, crashes
// a payment between capture and commit and switches the payment provider into an outage; then waits for quiet,
// replays what was dead-lettered, and checks the invariants straight from the databases and topics.
//   npx tsx --conditions=source scripts/chaos.ts [--orders 5000] [--rate 40] [--short] [--cluster]
// The steps live in scripts/chaos/.
import { stopKafka } from './kafka.mjs';
import { ChaosStack } from './chaos/chaos-stack.js';
import { say } from './chaos/check.js';
import { readOptions } from './chaos/options.js';
import { printSummary, writeResult } from './chaos/report.js';
import { runChaos } from './chaos/run.js';

const options = readOptions(process.argv.slice(2));
if (options.cluster) process.env.KAFKA_BROKERS_IN_CLUSTER = '3';
// A stack of its own: other ports, databases and Kafka namespace than npm start and npm test.
process.env.STACK_PORT_OFFSET ??= '20000'; // below 32768: Linux hands out ports above it to outgoing connections
process.env.STACK_NAMESPACE ??= 'chaos';
process.env.STACK_DATABASE_SUFFIX ??= '_chaos';

const stack = await ChaosStack.prepare();
const stopEverything = async () => {
  await stack.stopAll();
  // A standalone run leaves no broker behind; one it found running (npm test's, a dev stack's) stays running.
  if (stack.startedKafka) await stopKafka();
};
// Interrupted (Ctrl-C, a timeout's SIGTERM): the stack and the broker this run started go too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`✖ interrupted (${signal}): stopping the chaos stack`);
    void stopEverything().finally(() => process.exit(130));
  });
}
let exitCode = 1;
try {
  const result = await runChaos(options, stack);
  await stack.stopAll();
  printSummary(result);
  writeResult(options, result);
  exitCode = result.checks.every((entry) => entry.problems === 0) ? 0 : 1;
} catch (error) {
  say(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await stopEverything();
}
process.exit(exitCode);
