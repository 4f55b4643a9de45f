import { healthReport, serviceNames, type HealthReport, type ServiceName } from '@food/contracts';
import { upstreams } from './upstreams.js';

export type UpstreamHealth = { ok: true; report: HealthReport } | { ok: false; error: string };

async function checkUpstream(service: ServiceName): Promise<UpstreamHealth> {
  try {
    const response = await fetch(new URL(`/trpc/${service}.health`, upstreams[service]), {
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { result?: { data?: unknown } };
    const report = healthReport.parse(body.result?.data);
    return { ok: report.status === 'ok', report } as UpstreamHealth;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The gateway's health: its own, plus each upstream's health answer. */
export async function gatewayHealth() {
  const entries = await Promise.all(serviceNames.map(async (name) => [name, await checkUpstream(name)] as const));
  const upstreamResults = Object.fromEntries(entries) as Record<ServiceName, UpstreamHealth>;
  return {
    service: 'gateway',
    status: entries.every(([, result]) => result.ok) ? 'ok' : 'degraded',
    upstreams: upstreamResults,
  };
}
