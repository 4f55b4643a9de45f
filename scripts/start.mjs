// `npm start`: sets up and runs the whole system in the foreground; Ctrl-C stops what it started.
import { prepareStack } from './lib/prepare-stack.mjs';
import { say, StepError } from './lib/run.mjs';

let stack;
let startedKafka = false;
let stopping = false;

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  say('\nstopping…');
  await stack?.stop();
  if (startedKafka) {
    const { stopKafka } = await import('./kafka.mjs');
    await stopKafka();
  }
  say('stopped.');
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const { settings, plan } = await prepareStack('dev');
  startedKafka = settings.startedKafka;
  const { startProcesses, describeUrls } = await import('./lib/stack.mjs');
  say('▸ starting services, gateway and web (logs follow)');
  stack = await startProcesses(plan.all, { mode: 'dev', inheritOutput: true });
  say('\nThe platform is running:');
  describeUrls(plan);
  say(`  kafka         ${settings.kafkaBrokers}`);
  say('Press Ctrl-C to stop.');
  for (const { info, child } of stack.running) {
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${info.name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
        void stopAll(1);
      }
    });
  }
} catch (error) {
  say(error instanceof StepError ? `✖ ${error.message}` : `✖ ${error.stack ?? error}`);
  await stopAll(1);
}
