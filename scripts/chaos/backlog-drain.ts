// How long the chaos run's faults cost: from each fault's start to its backlog drained.

export interface FaultWindow {
  name: string;
  startedAt: number;
  /** When the injection returned: the process or the broker back and answering. */
  endedAt: number;
}

export interface FaultRecovery {
  fault: string;
  /** From the fault's start until its injection returned. */
  injectMs: number;
  /** From the fault's start until every order accepted before the fault ended was terminal; null if never seen. */
  drainedMs: number | null;
}

/** Orders accepted up to `until` that are neither terminal nor waiting in a dead-letter queue for a replay. */
export type PendingAcceptedBy = (until: Date) => Promise<number>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until no order accepted before the fault ended is pending. A sample of 0 means the backlog drained before
 * the sample was asked for, so that moment counts. A probe that fails (a fault cutting connections) is asked again.
 */
export async function timeBacklogDrain(
  fault: FaultWindow,
  pendingAcceptedBy: PendingAcceptedBy,
  { timeoutMs, pollMs = 500 }: { timeoutMs: number; pollMs?: number },
): Promise<FaultRecovery> {
  const recovery = { fault: fault.name, injectMs: fault.endedAt - fault.startedAt };
  const deadline = fault.endedAt + timeoutMs;
  while (Date.now() < deadline) {
    const askedAt = Date.now();
    const pending = await pendingAcceptedBy(new Date(fault.endedAt)).catch(() => undefined);
    if (pending === 0) return { ...recovery, drainedMs: askedAt - fault.startedAt };
    await sleep(pollMs);
  }
  return { ...recovery, drainedMs: null };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The report's lines: one per fault, in the order they happened. */
export function describeRecoveries(recoveries: FaultRecovery[]): string[] {
  return recoveries.map(
    ({ fault, injectMs, drainedMs }) =>
      `    ${(drainedMs === null ? 'never' : seconds(drainedMs)).padStart(8)}  ${fault} (injected in ${seconds(injectMs)})`,
  );
}

/**
 * The loose bounds `npm test` asserts (a drained backlog, on a loaded machine); the tight figures are the report's.
 * Each is a check of the run, named with its bound.
 */
export function recoveryChecks(
  recoveries: FaultRecovery[],
  /** null: some order never became terminal. */
  allTerminalMs: number | null,
  boundMs: number,
) {
  const late = recoveries.filter(({ drainedMs }) => drainedMs === null || drainedMs > boundMs);
  return [
    {
      name: `every fault's backlog drained within ${seconds(boundMs)} of the fault`,
      problems: late.length,
      detail: late
        .map(
          ({ fault, drainedMs }) =>
            `${fault}: ${drainedMs === null ? 'never' : seconds(drainedMs)}`,
        )
        .join('; '),
    },
    {
      name: `every order terminal within ${seconds(boundMs)} of the last fault`,
      problems: allTerminalMs === null || allTerminalMs > boundMs ? 1 : 0,
      detail: allTerminalMs === null ? 'never' : seconds(allTerminalMs),
    },
  ];
}
