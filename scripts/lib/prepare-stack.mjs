import { ensureDependencies } from './install.mjs';
import { run, say, step } from './run.mjs';

/**
 * Everything a stack needs before its processes start, in order: dependencies, secrets, PostgreSQL and Redis,
 * a build, the Kafka broker and topics, and migrated databases. Returns what `startProcesses` needs and whether
 * this run started Kafka (so it can stop what it started).
 */
export async function prepareStack(mode) {
  await step('dependencies', ensureDependencies);
  // Imported after the install: these use packages from node_modules.
  const { stackSettings } = await import('./settings.mjs');
  const { loadLocalSecrets } = await import('./secrets.mjs');
  const { checkDataServers } = await import('./preflight.mjs');
  const { fetchKafka, startKafka, stopKafka, waitForKafka } = await import('../kafka.mjs');
  const { ensureDesignTopics } = await import('./topics.mjs');
  const { stackPlan, migrateAll } = await import('./stack.mjs');

  const settings = stackSettings(mode);
  const secrets = loadLocalSecrets();
  await step('PostgreSQL and Redis', () => checkDataServers(settings));
  await step('build', () =>
    run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], {
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    }),
  );
  await step('Kafka broker', async () => {
    await fetchKafka();
    const outcome = await startKafka();
    await waitForKafka(90_000);
    return outcome;
  }).then((outcome) => (settings.startedKafka = outcome.started));
  try {
    await step('Kafka topics', async () => {
      const created = await ensureDesignTopics(settings);
      if (created.length) say(`  created ${created.join(', ')}`);
    });
    const plan = await stackPlan(settings, secrets);
    await step('databases and migrations', () => migrateAll(plan));
    return { settings, plan };
  } catch (error) {
    // The caller never learns that this run started the broker: stop it here.
    if (settings.startedKafka) await stopKafka();
    throw error;
  }
}
