import { sleep } from '../check.js';
import type { Fault, FaultDeps } from '../fault.js';

/** SIGKILL one process of the stack, and start it again a second later. */
export const killAndRestartFault = ({ stack }: FaultDeps, at: number, name: string, label = name): Fault => ({
  at,
  name: `SIGKILL ${label}, restart`,
  inject: async () => {
    stack.kill(name);
    await sleep(1000);
    await stack.start(name);
    return [];
  },
});
