// After the load: wait for quiet, replay what was dead-lettered, and let the last events settle before counting.
import type { ApiClient } from '@food/api-client';
import { say, sleep } from './check.js';
import { unsentOutboxRows, type Databases } from './databases.js';

const pendingOf = (db: Databases, ids: string[]) =>
  db.count('order', "SELECT count(*)::int AS n FROM customer_order WHERE status = 'PENDING_PAYMENT' AND id = ANY($1::uuid[])", [ids]);

/** Resolves the orders still pending once none is left or nothing moved for 10 s (the rest waits in a DLQ). */
async function waitForQuiet(db: Databases, ids: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let previous = -1;
  let stableSince = Date.now();
  for (;;) {
    const pending = await pendingOf(db, ids);
    if (pending === 0) return 0;
    if (pending !== previous) stableSince = Date.now();
    previous = pending;
    if (Date.now() - stableSince > 10_000 || Date.now() > deadline) return pending;
    await sleep(1000);
  }
}

/**
 * Replays every pending dead letter of each service, up to three rounds; resolves the replays per service and the
 * orders still pending at the end.
 */
export async function replayUntilTerminal(db: Databases, admin: ApiClient, ids: string[]) {
  let stillPending = await waitForQuiet(db, ids, 180_000);
  const replays: Record<string, number> = {};
  for (let round = 0; round < 3; round += 1) {
    let replayed = 0;
    for (const service of ['payment', 'order', 'notification'] as const) {
      const depth = await db.count(service, "SELECT count(*)::int AS n FROM dead_letter WHERE status = 'PENDING'");
      if (depth === 0) continue;
      const result = await admin[service].deadLetters.replayMatching.mutate({ filter: { status: 'PENDING' } });
      replays[service] = (replays[service] ?? 0) + result.replayed.length;
      replayed += result.replayed.length;
    }
    if (replayed === 0 && stillPending === 0) break;
    say(
      replayed > 0
        ? `  replayed ${replayed} dead letter(s); waiting for the saga to finish`
        : `  ${stillPending} order(s) still pending and no dead letter to replay; waiting longer`,
    );
    stillPending = await waitForQuiet(db, ids, 120_000);
  }
  return { replays, stillPending };
}

/** Lets consumers of the last events (notifications) and the relays settle before counting, for up to 30 s. */
export async function settle(db: Databases, ids: string[]): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    const notifications = await db.count('notification', 'SELECT count(*)::int AS n FROM notification WHERE order_id = ANY($1::uuid[])', [ids]);
    if ((await unsentOutboxRows(db)) === 0 && notifications === ids.length) return;
    await sleep(1000);
  }
}
