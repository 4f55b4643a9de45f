// What the run found: one line of the report and one test of `npm test` each.

export interface Check {
  name: string;
  problems: number;
  detail?: string;
}

export const check = (name: string, problems: number, detail?: string): Check =>
  detail === undefined ? { name, problems } : { name, problems, detail };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export { say } from '../lib/run.mjs';

/** Calls until it succeeds (a fault may be cutting the way), failing after `timeoutMs`. */
export async function retrying<T>(what: string, call: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what} kept failing`, { cause: error });
      await sleep(500);
    }
  }
}
