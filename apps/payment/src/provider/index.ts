import type { Database } from '../db.js';
import { databaseLedger } from './provider-ledger.js';
import { readProviderFaults, takeCrashAfterCapture } from './provider-outage.js';
import { createSimulatedProvider } from './simulated-provider.js';

/** The provider this service charges: the simulated one (a real provider would be chosen here by config). */
export function createPaymentProvider(db: Database) {
  return createSimulatedProvider(() => readProviderFaults(db), databaseLedger(db), {
    afterCapture: async () => {
      if (await takeCrashAfterCapture(db)) process.kill(process.pid, 'SIGKILL');
    },
  });
}
