import type { ChaosStack } from '../chaos-stack.js';
import { check, type Check } from '../check.js';

export async function everyServiceHealthy(stack: ChaosStack): Promise<Check> {
  const stillDegraded: string[] = [];
  for (const name of stack.sagaInstances()) {
    const report = await stack.healthOf(name);
    if (report?.status !== 'ok') stillDegraded.push(`${name}: ${JSON.stringify((report?.loops ?? []).filter((loop) => !loop.ok))}`);
  }
  return check('every service healthy again, every consumer, store and relay running', stillDegraded.length, stillDegraded.join('; '));
}
