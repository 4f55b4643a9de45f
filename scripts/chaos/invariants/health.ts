import type { ChaosStack } from '../chaos-stack.js';
import { check, seconds, sleep, type Check } from '../check.js';

/**
 * A consumer group can take until its members' rebalance ends to settle after the faults (a member killed while the
 * broker was down is only dropped once its session expires on the restarted coordinator): healthy within this bound
 * passes, and the report says how long it took.
 */
const settleWithinMs = 60_000;

async function degradedInstances(stack: ChaosStack): Promise<string[]> {
  const stillDegraded: string[] = [];
  for (const name of stack.sagaInstances()) {
    const report = await stack.healthOf(name);
    if (report?.status !== 'ok')
      stillDegraded.push(
        `${name}: ${JSON.stringify((report?.loops ?? []).filter((loop) => !loop.ok))}`,
      );
  }
  return stillDegraded;
}

export async function everyServiceHealthy(stack: ChaosStack): Promise<Check> {
  const started = Date.now();
  let stillDegraded = await degradedInstances(stack);
  while (stillDegraded.length > 0 && Date.now() - started < settleWithinMs) {
    await sleep(1000);
    stillDegraded = await degradedInstances(stack);
  }
  const waited = Date.now() - started;
  const detail =
    stillDegraded.length > 0
      ? stillDegraded.join('; ')
      : waited >= 1000
        ? `healthy after ${seconds(waited)} more`
        : undefined;
  return check(
    `every service healthy again within ${seconds(settleWithinMs)}, every consumer, store and relay running`,
    stillDegraded.length,
    detail,
  );
}
