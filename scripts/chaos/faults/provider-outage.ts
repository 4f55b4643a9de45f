import { retrying, sleep } from '../check.js';
import type { Fault, FaultDeps } from '../fault.js';

/** The payment provider refuses every charge for 5 s: order.created is retried, then dead-lettered for a replay. */
export const providerOutageFault = ({ admin }: FaultDeps, at: number): Fault => ({
  at,
  name: 'payment provider outage for 5 s',
  inject: async () => {
    await retrying('outage on', () => admin.payment.setProviderOutage.mutate({ enabled: true }));
    await sleep(5000);
    await retrying('outage off', () => admin.payment.setProviderOutage.mutate({ enabled: false }));
    return [];
  },
});
