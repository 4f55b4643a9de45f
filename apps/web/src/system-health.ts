import 'server-only';
import { healthReport } from '@food/contracts';
import { z } from 'zod';
import { env } from './env';

const gatewayHealthAnswer = z.object({
  status: z.enum(['ok', 'degraded']).optional(),
  upstreams: z.record(
    z.string(),
    z.object({ ok: z.boolean(), error: z.string().optional(), report: healthReport.optional() }),
  ),
  redis: z.object({ ok: z.boolean(), error: z.string().optional() }).optional(),
});

export interface UpstreamStatus {
  service: string;
  ok: boolean;
  /** Degraded: it answers, but something it runs (a database, a consumer, the outbox relay) does not work. */
  state: 'up' | 'degraded' | 'down';
  detail: string;
  checks: Array<{ name: string; ok: boolean; detail?: string | undefined }>;
}

export interface SystemHealth {
  gatewayReachable: boolean;
  services: UpstreamStatus[];
  redis: { ok: boolean; detail: string } | null;
}

const describeUptime = (seconds: number) =>
  seconds < 120
    ? `up ${Math.round(seconds)} s`
    : seconds < 7200
      ? `up ${Math.round(seconds / 60)} min`
      : `up ${Math.round(seconds / 3600)} h`;

/** Asks the gateway for its health and each service's; never throws (an unreachable gateway is a status too). */
export async function loadSystemHealth(): Promise<SystemHealth> {
  try {
    const response = await fetch(new URL('/health', env.GATEWAY_URL), {
      cache: 'no-store',
      signal: AbortSignal.timeout(3000),
    });
    const body = gatewayHealthAnswer.parse(await response.json());
    return {
      gatewayReachable: true,
      services: Object.entries(body.upstreams).map(([service, result]) => {
        const loops = (result.report?.loops ?? []).map((loop) => ({
          name: loop.name,
          ok: loop.ok,
          detail: [loop.state, loop.detail, loop.lastError].filter(Boolean).join(' · '),
        }));
        const checks = [
          ...Object.entries(result.report?.checks ?? {}).map(([name, check]) => ({
            name,
            ...check,
          })),
          ...loops,
        ];
        const failing = checks
          .filter((check) => !check.ok)
          .map((check) => `${check.name}: ${check.detail ?? 'failing'}`);
        return {
          service,
          ok: result.ok,
          state: result.ok ? 'up' : result.report ? 'degraded' : 'down',
          detail: result.ok
            ? describeUptime(result.report?.uptimeSeconds ?? 0)
            : failing.join('; ') || (result.error ?? result.report?.status ?? 'down'),
          checks,
        } satisfies UpstreamStatus;
      }),
      redis: body.redis
        ? { ok: body.redis.ok, detail: body.redis.ok ? 'answering' : (body.redis.error ?? 'down') }
        : null,
    };
  } catch {
    return { gatewayReachable: false, services: [], redis: null };
  }
}
