// `npm run hostile-records`: the long form of the hostile-records test (test/hostile-records.test.ts), on a stack
// of its own: 20,000 odd records (or --records N) on every consumed, replay and DLQ topic, then the invariants.
//   node scripts/hostile-records.mjs [--records 20000] [--seed N]
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { records: { type: 'string' }, seed: { type: 'string' } },
});

// A stack of its own: other ports, databases and Kafka namespace than npm start, npm test and the chaos run.
process.env.STACK_PORT_OFFSET ??= '25000'; // below 32768: Linux hands out ports above it to outgoing connections
process.env.STACK_NAMESPACE ??= 'hostile';
process.env.STACK_DATABASE_SUFFIX ??= '_hostile';

const { prepareStack } = await import('./lib/prepare-stack.mjs');
const { run, say, StepError } = await import('./lib/run.mjs');

let stack;
let startedKafka = false;
let exitCode = 1;
try {
  const { settings, plan } = await prepareStack('test');
  startedKafka = settings.startedKafka;
  const { startProcesses } = await import('./lib/stack.mjs');
  const { testStackEnv } = await import('./lib/test-stack-env.mjs');
  const processes = plan.all.filter((info) => info.name !== 'web');
  say('▸ starting the stack (logs in .local/logs/test/)');
  stack = await startProcesses(processes, { mode: 'test' });
  await run('npx', ['vitest', 'run', 'test/hostile-records.test.ts'], {
    env: {
      ...process.env,
      ...testStackEnv(settings, plan, {}, processes),
      HOSTILE_RECORDS: args.records ?? '20000',
      ...(args.seed ? { HOSTILE_SEED: args.seed } : {}),
    },
  });
  exitCode = 0;
} catch (error) {
  say(error instanceof StepError ? `✖ ${error.message}` : `✖ ${error.stack ?? error}`);
} finally {
  await stack?.stop();
  if (startedKafka) {
    const { stopKafka } = await import('./kafka.mjs');
    await stopKafka();
  }
}
process.exit(exitCode);
