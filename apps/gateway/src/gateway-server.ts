import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { trustHeaders, type ServiceName } from '@food/contracts';
import {
  answerMalformedRequests,
  contextFromHeaders,
  correlationIdHeader,
  presentsSecret,
  recordHttpRequest,
  resolveClientAddress,
  runInContext,
  serveMetrics,
  SpanKind,
  startSpan,
  withLogContext,
  withTraceHeaders,
  type AccessTokenVerifier,
  type Logger,
} from '@food/service-kit';
import type { Redis } from 'ioredis';
import { authenticateRequest } from './authenticate-request.js';
import { forwardRequest } from './proxy.js';
import { isPublicCall } from './public-procedures.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import { rateLimitRejectionsTotal } from './rate-limit-metrics.js';
import { rateLimitChargeFor, type RateLimitBudgets } from './rate-limit-policy.js';
import { createRedisRateLimiter } from './rate-limiter.js';
import { routeTrpcCall } from './route-request.js';
import { createThrottledWarning } from './throttled-warning.js';
import { parseTrpcCall, type TrpcCall, type TrpcCallParse } from './trpc-call.js';
import { sendTrpcError } from './trpc-error-response.js';
import { gatewayHealth } from './upstream-health.js';
import { upstreamRequestHeaders } from './upstream-request-headers.js';

export interface GatewayDependencies {
  upstreams: Record<ServiceName, URL>;
  verifyAccessToken: AccessTokenVerifier;
  redis: Redis;
  rateLimits: RateLimitBudgets & { windowSeconds: number; keyPrefix: string };
  /** Sent to every service, which answers nothing else. */
  gatewaySecret: string;
  /** A peer that sends this in X-Proxy-Secret has its X-Forwarded-For believed; undefined: nobody's is. */
  proxySecret: string | undefined;
  logger: Logger;
}

/** What the request log line says about a request beyond method, status and duration. */
interface RequestFacts {
  route: string;
  /** The metrics label: bounded (a service name, `unknown`, or the gateway's own routes), whatever the path. */
  metricsLabel: string;
  clientAddress: string;
  userId?: string;
  authentication?: 'user' | 'anonymous' | 'rejected';
  rateLimit: 'admitted' | 'refused' | 'unavailable' | 'not-applied';
  rateLimitBudget?: string;
  rateLimitRemaining?: number;
}

const noCall: TrpcCall = { procedures: [], isBatch: false };

/**
 * The gateway as an HTTP server (not yet listening): per request it routes by service, verifies the access token,
 * charges the rate limit, refuses non-public calls without a verified caller, and streams the rest to the service.
 */
export function createGatewayServer(deps: GatewayDependencies): http.Server {
  const { logger, upstreams, rateLimits } = deps;
  const fromProvenProxy = (request: http.IncomingMessage) =>
    deps.proxySecret !== undefined && presentsSecret(request.headers[trustHeaders.proxySecret], deps.proxySecret);
  const rateLimiter = createRedisRateLimiter(deps.redis, {
    keyPrefix: rateLimits.keyPrefix,
    windowMs: rateLimits.windowSeconds * 1000,
  });
  // Fail open: the services verify tokens themselves and auth guards logins on its own, so a Redis outage costs
  // rate limiting for a while rather than taking the whole API down with it.
  const warnRateLimitSkipped = createThrottledWarning(
    logger,
    'rate limiting skipped: redis unavailable, requests pass unlimited',
    30_000,
  );

  async function handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    facts: RequestFacts,
    correlationId: string,
  ) {
    if (url.pathname === '/metrics') {
      serveMetrics(request, response);
      return;
    }
    if (url.pathname === '/health') {
      const report = await gatewayHealth(upstreams, deps.redis);
      response.writeHead(report.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json',
      });
      response.end(JSON.stringify(report));
      return;
    }
    // Every other request spends rate limit, a 404 or a malformed path too: none is free to repeat.
    const parsed: TrpcCallParse = url.pathname.startsWith('/trpc/')
      ? parseTrpcCall(url)
      : { kind: 'malformed', status: 'NOT_FOUND', message: 'the API lives under /trpc/' };
    const call = parsed.kind === 'call' ? parsed.call : noCall;
    facts.route = parsed.kind === 'call' ? call.procedures.join(',') : url.pathname;

    const authentication = await authenticateRequest(
      request.headers.authorization,
      deps.verifyAccessToken,
    );
    const user = authentication.kind === 'user' ? authentication.user : undefined;
    facts.authentication = authentication.kind;
    facts.userId = user?.userId;

    const charge = rateLimitChargeFor(
      { procedures: call.procedures, userId: user?.userId, clientAddress: facts.clientAddress },
      rateLimits,
    );
    facts.rateLimitBudget = charge.budget;
    const outcome = await rateLimiter.consume(charge.key, charge.limit, charge.cost);
    if (outcome.kind === 'unavailable') {
      facts.rateLimit = 'unavailable';
      warnRateLimitSkipped({ error: outcome.error.message });
    } else {
      const { decision } = outcome;
      facts.rateLimit = decision.admitted ? 'admitted' : 'refused';
      facts.rateLimitRemaining = decision.remaining;
      for (const [name, value] of Object.entries(
        rateLimitHeaders(decision, rateLimits.windowSeconds),
      )) {
        response.setHeader(name, value);
      }
      if (!decision.admitted) {
        rateLimitRejectionsTotal.inc({ budget: charge.budget });
        const message = `rate limit exceeded (${decision.limit} per ${rateLimits.windowSeconds} s); retry in ${decision.retryAfterSeconds} s`;
        sendTrpcError(response, 'TOO_MANY_REQUESTS', message, call);
        return;
      }
    }

    if (parsed.kind === 'malformed') {
      sendTrpcError(response, parsed.status, parsed.message, noCall);
      return;
    }
    const route = routeTrpcCall(call.procedures);
    if (route.kind === 'rejected') {
      sendTrpcError(response, route.code, route.message, call);
      return;
    }
    facts.metricsLabel = route.service;

    if (!user && !isPublicCall(call.procedures)) {
      const message =
        authentication.kind === 'rejected'
          ? authentication.reason
          : 'sign in first: no access token';
      sendTrpcError(response, 'UNAUTHORIZED', message, call);
      return;
    }

    const headers = upstreamRequestHeaders(request.headers, {
      correlationId,
      clientAddress: facts.clientAddress,
      gatewaySecret: deps.gatewaySecret,
      user,
    });
    Object.assign(headers, withTraceHeaders({})); // the service continues this request's trace
    forwardRequest(request, response, upstreams[route.service], headers, (error) => {
      logger.warn('upstream unreachable', { upstream: route.service, error: error.message });
      sendTrpcError(response, 'BAD_GATEWAY', `${route.service} is unavailable`, call);
    });
  }

  const server = http.createServer((request, response) => {
    const started = performance.now();
    const correlationId = randomUUID();
    const url = new URL(request.url ?? '/', 'http://gateway');
    const facts: RequestFacts = {
      route: url.pathname,
      metricsLabel: url.pathname === '/health' || url.pathname === '/metrics' ? url.pathname : 'unknown',
      clientAddress: resolveClientAddress(
        request.socket.remoteAddress,
        request.headers['x-forwarded-for'],
        fromProvenProxy(request),
      ),
      rateLimit: 'not-applied',
    };
    response.setHeader(correlationIdHeader, correlationId);
    // 'close' rather than 'finish': a stream the client abandons is logged too.
    response.on('close', () => {
      recordHttpRequest(facts.metricsLabel, response.statusCode, (performance.now() - started) / 1000);
      const { metricsLabel: _label, ...logged } = facts;
      logger.info('request', {
        correlationId,
        method: request.method,
        ...logged,
        status: response.statusCode,
        completed: response.writableFinished,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    });
    const { span, context: spanContext } = startSpan(`gateway ${facts.route}`, {
      kind: SpanKind.SERVER,
      parent: contextFromHeaders(request.headers),
      attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': url.pathname },
    });
    response.on('close', () => {
      span.setAttribute('http.response.status_code', response.statusCode);
      span.end();
    });
    runInContext(spanContext, () =>
      withLogContext({ correlationId }, () => {
        handle(request, response, url, facts, correlationId).catch((error: unknown) => {
          logger.error('request failed', { error });
          if (response.headersSent) response.destroy();
          else sendTrpcError(response, 'INTERNAL_SERVER_ERROR', 'internal error', noCall);
        });
      }),
    );
  });
  answerMalformedRequests(server);
  return server;
}
