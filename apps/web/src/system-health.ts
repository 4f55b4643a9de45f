import 'server-only';
import { env } from './env';

export interface UpstreamStatus {
  service: string;
  ok: boolean;
  detail: string;
}

/** Asks the gateway for its health and each service's; never throws (an unreachable gateway is a status too). */
export async function loadSystemHealth(): Promise<{ gatewayReachable: boolean; services: UpstreamStatus[] }> {
  try {
    const response = await fetch(new URL('/health', env.GATEWAY_URL), {
      cache: 'no-store',
      signal: AbortSignal.timeout(3000),
    });
    const body = (await response.json()) as {
      upstreams: Record<string, { ok: boolean; error?: string; report?: { status: string; uptimeSeconds: number } }>;
    };
    return {
      gatewayReachable: true,
      services: Object.entries(body.upstreams).map(([service, result]) => ({
        service,
        ok: result.ok,
        detail: result.ok ? `up ${result.report?.uptimeSeconds ?? 0} s` : (result.error ?? result.report?.status ?? 'down'),
      })),
    };
  } catch {
    return { gatewayReachable: false, services: [] };
  }
}
