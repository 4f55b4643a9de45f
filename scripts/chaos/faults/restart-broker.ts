import { startKafka, stopKafka, waitForKafka } from '../../kafka.mjs';
import { check, say, sleep, type Check } from '../check.js';
import { sagaServices } from '../chaos-stack.js';
import type { Fault, FaultDeps } from '../fault.js';

type Degraded = { ms: number; loops: string } | null;

/** How long after the broker stopped each service's /health said `degraded`, and what it named (null: never). */
async function watchHealthDegraded({ stack }: FaultDeps, stoppedAt: number): Promise<Map<string, Degraded>> {
  const seen = new Map<string, Degraded>();
  await Promise.all(
    sagaServices.map(async (service) => {
      while (Date.now() - stoppedAt < 10_000) {
        const report = await stack.healthOf(service);
        if (report?.status === 'degraded') {
          const loops = (report.loops ?? []).filter((loop) => !loop.ok).map((loop) => `${loop.name}: ${loop.detail ?? ''}`);
          seen.set(service, { ms: Date.now() - stoppedAt, loops: loops.join('; ') });
          return;
        }
        await sleep(250);
      }
      seen.set(service, null);
    }),
  );
  return seen;
}

async function sayHealthBefore({ stack }: FaultDeps) {
  for (const service of sagaServices) {
    const report = await stack.healthOf(service);
    if (!report) say(`  ! ${service} did not answer /health before the broker stopped (an instance restarting)`);
    else if (report.status !== 'ok') say(`  ! ${service} was already degraded before the broker stopped: ${JSON.stringify(report.loops)}`);
  }
}

function degradedCheck(seen: Map<string, Degraded>): Check {
  return check(
    'every service said degraded within 10 s of the broker stopping',
    [...seen.values()].filter((entry) => entry === null).length,
    [...seen]
      .map(([service, entry]) => `${service} ${entry === null ? 'never' : `${(entry.ms / 1000).toFixed(1)} s (${entry.loops})`}`)
      .join(', '),
  );
}

/** Stops the (single) broker, starts it 3 s later; the services must say they are degraded meanwhile. */
export const restartBrokerFault = (deps: FaultDeps, at: number): Fault => ({
  at,
  name: 'restart the Kafka broker (stop, wait 3 s, start)',
  inject: async () => {
    await sayHealthBefore(deps);
    await stopKafka({ quiet: true });
    const watching = watchHealthDegraded(deps, Date.now());
    await sleep(3000);
    await startKafka();
    await waitForKafka(90_000);
    return [degradedCheck(await watching)];
  },
});
