import type { LoopReport } from '@food/contracts';

/** The loops this process runs (consumers, stores, relays), each able to say how it is doing right now. */
const loops = new Map<string, () => LoopReport>();

/** Registers a loop for `/health`; returns the function that removes it (when the loop is stopped for good). */
export function registerProcessLoop(
  name: string,
  report: () => Omit<LoopReport, 'name'>,
): () => void {
  loops.set(name, () => ({ name, ...report() }));
  return () => loops.delete(name);
}

/** Every registered loop's report; a loop whose report throws is reported as broken, not hidden. */
export function processLoopReports(): LoopReport[] {
  return [...loops.entries()].map(([name, report]) => {
    try {
      return report();
    } catch (error) {
      return { name, ok: false, state: 'unknown', lastError: (error as Error).message };
    }
  });
}
