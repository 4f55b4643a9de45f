import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AnyRouter, inferRouterContext } from '@trpc/server';
import { createHTTPHandler, type CreateHTTPContextOptions } from '@trpc/server/adapters/standalone';
import { admissionExemption } from './admission-exemptions.js';
import { AdmissionGate, type AdmissionLimits } from './admission-gate.js';
import { admitRequest } from './admit-request.js';
import { listenHttpServer, type RunningHttpServer } from './http-listen.js';
import { withLogContext, type Logger } from './logger.js';
import { isAdmittedCall, refuseBypass } from './gateway-only.js';
import { answerMalformedRequests } from './malformed-requests.js';
import { procedureLabeler, recordHttpRequest, serveMetrics } from './metrics.js';
import { isOverloadedError, retryAfterHeader } from './overload-answer.js';
import { observeAdmissionGate, recordOverloadRejection } from './overload-metrics.js';
import { startHttpServerSpan } from './http-server-span.js';
import { runInContext } from './tracing.js';
import { procedurePathsOf } from './trpc-paths.js';

export const correlationIdHeader = 'x-correlation-id';

export interface TrpcHttpServerOptions<TRouter extends AnyRouter> {
  router: TRouter;
  createContext: (options: CreateHTTPContextOptions & { correlationId: string }) => Promise<inferRouterContext<TRouter>>;
  logger: Logger;
  /** Calls under /trpc/ must carry it (trustHeaders.gatewaySecret): they come through the gateway. Health excepted. */
  gatewaySecret: string;
  /** Plain HTTP routes beside /trpc (for example the auth service's JWKS), by exact path. */
  routes?: Record<string, http.RequestListener>;
  /** How much work it takes on before answering 503 (admissionLimitsOf); health, metrics and subscriptions are exempt. */
  admission: AdmissionLimits;
}

function correlationIdOf(request: http.IncomingMessage): string {
  const given = request.headers[correlationIdHeader];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

/** A tRPC service's server (createTrpcHttpServer), listening on `options.port`. */
export function startTrpcHttpServer<TRouter extends AnyRouter>(
  options: TrpcHttpServerOptions<TRouter> & { port: number; host?: string },
): Promise<RunningHttpServer> {
  return listenHttpServer(createTrpcHttpServer(options), options.port, options.host);
}

/**
 * Serves a tRPC router under /trpc to the gateway only (health excepted), within its admission limits (the excess
 * answered 503 with Retry-After before any work), and /metrics. A request is logged at debug (the gateway logs
 * each call it forwards), a failed one (5xx) as a warning.
 */
export function createTrpcHttpServer<TRouter extends AnyRouter>(options: TrpcHttpServerOptions<TRouter>): http.Server {
  const { logger } = options;
  const labelOf = procedureLabeler(Object.keys(options.router._def.procedures as Record<string, unknown>));
  const isExempt = admissionExemption(options.router);
  const gate = new AdmissionGate(options.admission);
  const stopObservingGate = observeAdmissionGate(gate);
  const handleTrpc = createTrpcHandler(options, labelOf);

  const server = http.createServer((request, response) => {
    const correlationId = correlationIdOf(request);
    request.headers[correlationIdHeader] = correlationId;
    response.setHeader(correlationIdHeader, correlationId);
    const started = performance.now();
    const url = new URL(request.url ?? '/', 'http://local');
    const label = labelOf(url.pathname);
    const spanContext = startHttpServerSpan(label, request, response, url.pathname);
    response.on('finish', () => {
      recordHttpRequest(label, response.statusCode, (performance.now() - started) / 1000);
      // The gateway logs each call it forwards; here a call is worth a line of its own only when it failed.
      logger[response.statusCode >= 500 ? 'warn' : 'debug']('request', {
        correlationId,
        method: request.method,
        route: url.pathname,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    });
    runInContext(spanContext, () =>
      withLogContext({ correlationId }, () => {
        if (url.pathname.startsWith('/trpc/')) {
          if (!isAdmittedCall(request, url.pathname, options.gatewaySecret)) refuseBypass(response);
          else if (isExempt(url.pathname)) handleTrpc(request, response);
          else {
            const calls = procedurePathsOf(url.pathname).length;
            void admitRequest(gate, response, { procedure: label, calls }, () => handleTrpc(request, response));
          }
          return;
        }
        const route = url.pathname === '/metrics' ? serveMetrics : options.routes?.[url.pathname];
        if (route) {
          route(request, response);
          return;
        }
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no route ${url.pathname}; procedures live under /trpc/` } }));
      }),
    );
  });
  server.on('close', stopObservingGate);
  answerMalformedRequests(server);
  return server;
}

/** tRPC's handler for the router: contexts with the request's correlation id, failures and overloads logged. */
function createTrpcHandler<TRouter extends AnyRouter>(
  options: TrpcHttpServerOptions<TRouter>,
  labelOf: (path: string) => string,
) {
  return createHTTPHandler({
    router: options.router,
    basePath: '/trpc/',
    createContext: (contextOptions) =>
      options.createContext({ ...contextOptions, correlationId: correlationIdOf(contextOptions.req) }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') options.logger.error('procedure failed', { path, error });
      if (isOverloadedError(error.cause)) {
        recordOverloadRejection(labelOf(`/trpc/${path ?? ''}`), 'database_busy');
        options.logger.warn('database busy: answered 503', { path, error: error.cause });
      }
    },
    // An overload the procedure met (its database had no connection free) is answered like the gate's refusals.
    responseMeta: ({ errors }) =>
      errors.some((error) => isOverloadedError(error.cause))
        ? { headers: new Headers({ [retryAfterHeader]: String(options.admission.retryAfterSeconds) }) }
        : {},
  });
}
