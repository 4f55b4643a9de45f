// Strikes each fault at its moment of the load phase, and times from each fault to its backlog drained.
import { timeBacklogDrain, type FaultRecovery, type PendingAcceptedBy } from './backlog-drain.js';
import { say, seconds, sleep, type Check } from './check.js';
import type { Databases } from './databases.js';
import type { Fault } from './fault.js';

export interface FaultsOutcome {
  /** When the last injection returned (what broke was back). */
  lastFaultEnded: number;
  /** One per fault, resolved once its backlog drained (or never did). */
  recoveries: Array<Promise<FaultRecovery>>;
  /** The faults' own checks. */
  checks: Check[];
}

/** Orders of this run (the database may hold earlier runs') not terminal, leaving out those waiting for a replay. */
export function pendingAcceptedSince(db: Databases, started: number): PendingAcceptedBy {
  return async (until) => {
    const waiting = await db.query<{ key: string }>(
      'payment',
      "SELECT message_key AS key FROM dead_letter WHERE status = 'PENDING' AND original_topic = 'order.created' AND message_key IS NOT NULL",
    );
    return db.count(
      'order',
      `SELECT count(*)::int AS n FROM customer_order WHERE status = 'PENDING_PAYMENT' AND created_at BETWEEN $1 AND $2
       AND NOT (id::text = ANY($3::text[]))`,
      [new Date(started), until, waiting.map((row) => row.key)],
    );
  };
}

async function strike(fault: Fault, started: number, loadMs: number, pendingAcceptedBy: PendingAcceptedBy, outcome: FaultsOutcome) {
  await sleep(fault.at * loadMs);
  const faultStart = Date.now();
  say(`  ! ${seconds(faultStart - started)}: ${fault.name}`);
  outcome.checks.push(...(await fault.inject()));
  const faultEnd = Date.now();
  outcome.lastFaultEnded = Math.max(outcome.lastFaultEnded, faultEnd);
  const window = { name: fault.name, startedAt: faultStart, endedAt: faultEnd };
  outcome.recoveries.push(timeBacklogDrain(window, pendingAcceptedBy, { timeoutMs: 240_000 }));
  say(`  ✓ ${seconds(Date.now() - started)}: recovered from "${fault.name}" in ${seconds(Date.now() - faultStart)}`);
}

/**
 * Runs the schedule beside the load. The promise is awaited after the load; until then a fault that fails (a process
 * that does not come back) must not end the script as an unhandled rejection, which would leave the stack running.
 */
export function runFaults(faults: Fault[], { started, loadMs, db }: { started: number; loadMs: number; db: Databases }) {
  const outcome: FaultsOutcome = { lastFaultEnded: started, recoveries: [], checks: [] };
  const pendingAcceptedBy = pendingAcceptedSince(db, started);
  const done = Promise.all(faults.map((fault) => strike(fault, started, loadMs, pendingAcceptedBy, outcome))).then(() => outcome);
  void done.catch(() => undefined);
  return done;
}
