import { healthReport, serviceNames, type HealthReport, type ServiceName } from '@food/contracts';
import type { Redis } from 'ioredis';

export type UpstreamHealth =
  { ok: true; report: HealthReport } | { ok: false; report?: HealthReport; error?: string };
export type RedisHealth = { ok: true } | { ok: false; error: string };

async function checkUpstream(service: ServiceName, target: URL): Promise<UpstreamHealth> {
  try {
    const response = await fetch(new URL(`/trpc/${service}.health`, target), {
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { result?: { data?: unknown } };
    const report = healthReport.parse(body.result?.data);
    return report.status === 'ok' ? { ok: true, report } : { ok: false, report };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

async function checkRedis(redis: Redis): Promise<RedisHealth> {
  try {
    await redis.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * The gateway's health: each upstream's own health answer, and Redis. A Redis outage makes the gateway `degraded`,
 * not down: it keeps serving, without rate limits.
 */
export async function gatewayHealth(upstreams: Record<ServiceName, URL>, redis: Redis) {
  const [entries, redisHealth] = await Promise.all([
    Promise.all(
      serviceNames.map(async (name) => [name, await checkUpstream(name, upstreams[name])] as const),
    ),
    checkRedis(redis),
  ]);
  const healthy = entries.every(([, result]) => result.ok) && redisHealth.ok;
  return {
    service: 'gateway',
    status: healthy ? ('ok' as const) : ('degraded' as const),
    upstreams: Object.fromEntries(entries) as Record<ServiceName, UpstreamHealth>,
    redis: redisHealth,
  };
}
