import { db } from '../db.js';
import { isProviderOutage } from './provider-outage.js';
import { createSimulatedProvider } from './simulated-provider.js';

/** The provider this service charges: the simulated one (a real provider would be chosen here by config). */
export const paymentProvider = createSimulatedProvider(() => isProviderOutage(db));
