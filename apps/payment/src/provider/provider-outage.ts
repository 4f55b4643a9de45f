import type { Database } from '../db.js';
import type { ProviderFaults } from './simulated-provider.js';

const outageKey = 'outage';
const crashKey = 'crash-after-capture';

/** Read on every charge, from the database (one query), so every payment instance sees an admin's switch at once. */
export async function readProviderFaults(db: Database): Promise<ProviderFaults> {
  const settings = await db.providerSetting.findMany({
    where: { key: { in: [outageKey, crashKey] }, enabled: true },
    select: { key: true },
  });
  return {
    outage: settings.some((setting) => setting.key === outageKey),
    crashAfterCapture: settings.some((setting) => setting.key === crashKey),
  };
}

export async function setProviderOutage(db: Database, enabled: boolean, updatedBy: string, updatedAt: Date) {
  const setting = await db.providerSetting.upsert({
    where: { key: outageKey },
    create: { key: outageKey, enabled, updatedBy, updatedAt },
    update: { enabled, updatedBy, updatedAt },
  });
  return {
    outage: setting.enabled,
    updatedBy: setting.updatedBy,
    updatedAt: setting.updatedAt.toISOString(),
  };
}

export async function providerStatus(db: Database) {
  const setting = await db.providerSetting.findUnique({ where: { key: outageKey } });
  return {
    outage: setting?.enabled ?? false,
    updatedBy: setting?.updatedBy ?? null,
    updatedAt: setting?.updatedAt.toISOString() ?? null,
  };
}


/**
 * A fault mode for the chaos run: the next capture kills the payment process right after the provider recorded
 * it and before the payment transaction commits (the moment an idempotency key exists for). Taken once.
 */
export async function takeCrashAfterCapture(db: Database): Promise<boolean> {
  const taken = await db.providerSetting.updateMany({
    where: { key: crashKey, enabled: true },
    data: { enabled: false },
  });
  return taken.count > 0;
}
