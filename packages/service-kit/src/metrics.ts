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

/** A bounded label for a request: the procedure path(s) when they look like ones, else the route kind. */
export function procedureLabel(pathname: string): string {
  if (!pathname.startsWith('/trpc/')) return pathname === '/metrics' || pathname === '/health' ? pathname : 'other';
  const paths = pathname.slice('/trpc/'.length);
  return /^[A-Za-z][\w.]{0,80}(,[A-Za-z][\w.]{0,80}){0,9}$/.test(paths) ? paths : 'invalid';
}

export function recordHttpRequest(pathname: string, status: number, durationSeconds: number): void {
  const procedure = procedureLabel(pathname);
  httpRequestsTotal.inc({ procedure, status: String(status) });
  httpRequestDurationSeconds.observe({ procedure }, durationSeconds);
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
