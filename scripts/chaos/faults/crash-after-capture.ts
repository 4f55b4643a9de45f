import { say, sleep } from '../check.js';
import type { Fault, FaultDeps } from '../fault.js';

const paymentInstances = ['payment', 'payment-2'];

/** Arms the simulated provider's one-shot crash, waits for a payment instance to die of it, and restarts it. */
export const crashAfterCaptureFault = ({ stack, db }: FaultDeps, at: number): Fault => ({
  at,
  name: 'crash a payment instance between capture and commit, restart it',
  inject: async () => {
    await db.query(
      'payment',
      `INSERT INTO provider_setting (key, enabled, updated_by) VALUES ('crash-after-capture', true, 'chaos')
       ON CONFLICT (key) DO UPDATE SET enabled = true, updated_at = now()`,
    );
    // Long enough for captures to resume when another fault (a broker restart) holds them up.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !paymentInstances.some((name) => stack.hasExited(name))) await sleep(100);
    await db.query('payment', "UPDATE provider_setting SET enabled = false WHERE key = 'crash-after-capture'");
    const crashed = paymentInstances.filter((name) => stack.hasExited(name));
    say(`    ${crashed.length ? `${crashed.join(', ')} died between capture and commit` : 'no capture within 60 s: nothing crashed'}`);
    for (const name of crashed) await stack.start(name);
    return [];
  },
});
