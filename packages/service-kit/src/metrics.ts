import type http from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The process's Prometheus registry, served at /metrics; every package registers its metrics here. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestsTotal = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by tRPC procedure path (or route) and status code',
  labelNames: ['procedure', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDurationSeconds = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by tRPC procedure path (or route)',
  labelNames: ['procedure'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/**
 * Labels requests with a bounded set of values, so no caller can grow the metrics: a procedure the router has, `batch`
 * for several known ones, `unknown` for any other path under /trpc/, and `other` for routes outside it.
 */
export function procedureLabeler(knownProcedures: Iterable<string>): (pathname: string) => string {
  const known = new Set(knownProcedures);
  return (pathname) => {
    if (pathname === '/metrics' || pathname === '/health') return pathname;
    if (!pathname.startsWith('/trpc/')) return 'other';
    const procedures = pathname.slice('/trpc/'.length).split(',');
    if (!procedures.every((procedure) => known.has(procedure))) return 'unknown';
    return procedures.length === 1 ? (procedures[0] ?? 'unknown') : 'batch';
  };
}

/** Counts one answered request; `label` must come from a bounded set (procedureLabeler, or the gateway's routes). */
export function recordHttpRequest(label: string, status: number, durationSeconds: number): void {
  httpRequestsTotal.inc({ procedure: label, status: String(status) });
  httpRequestDurationSeconds.observe({ procedure: label }, durationSeconds);
}

/** GET /metrics in Prometheus's text format. */
export const serveMetrics: http.RequestListener = (_request, response) => {
  metricsRegistry
    .metrics()
    .then((text) => {
      response.writeHead(200, { 'content-type': metricsRegistry.contentType });
      response.end(text);
    })
    .catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`metrics unavailable: ${(error as Error).message}`);
    });
};
