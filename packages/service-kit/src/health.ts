import type { HealthReport } from '@food/contracts';
import { processLoopReports } from './process-loops.js';

export type HealthCheck = () => Promise<void>;

const startedAt = Date.now();

/**
 * Runs each named check with a timeout and adds every loop the process runs (consumers, stores, relays); the
 * report is `degraded` if any check fails or any loop is not doing its work.
 */
export async function buildHealthReport(
  service: string,
  checks: Record<string, HealthCheck>,
  timeoutMs = 2000,
): Promise<HealthReport> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [name, { ok: true }] as const;
      } catch (error) {
        return [name, { ok: false, detail: (error as Error).message }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const loops = processLoopReports();
  return {
    service,
    status: results.every(([, result]) => result.ok) && loops.every((loop) => loop.ok) ? 'ok' : 'degraded',
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    checks: Object.fromEntries(results),
    ...(loops.length > 0 ? { loops } : {}),
  };
}
