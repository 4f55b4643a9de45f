import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { trustHeaders } from '@food/contracts';
import {
  answerMalformedRequests,
  correlationIdHeader,
  presentsSecret,
  resolveClientAddress,
  runInContext,
  serveMetrics,
  startHttpServerSpan,
  withLogContext,
} from '@food/service-kit';
import { noCall } from '../routing/trpc-call.js';
import { sendTrpcError } from '../routing/trpc-error-response.js';
import { gatewayHealth } from '../upstream/upstream-health.js';
import { createApiRequestHandler } from './api-request.js';
import type { GatewayDependencies } from './gateway-dependencies.js';
import { initialRequestFacts, recordRequestOnClose, type RequestFacts } from './request-facts.js';

export type { GatewayDependencies } from './gateway-dependencies.js';

/**
 * The gateway as an HTTP server (not yet listening): its own /health and /metrics, and the API behind them
 * (see createApiRequestHandler); every request gets a correlation id, a span and one log line.
 */
export function createGatewayServer(deps: GatewayDependencies): http.Server {
  const { logger } = deps;
  const handleApiRequest = createApiRequestHandler(deps);

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
      const report = await gatewayHealth(deps.upstreams, deps.redis);
      response.writeHead(report.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json',
      });
      response.end(JSON.stringify(report));
      return;
    }
    await handleApiRequest(request, response, url, facts, correlationId);
  }

  const server = http.createServer((request, response) => {
    const correlationId = randomUUID();
    const url = new URL(request.url ?? '/', 'http://gateway');
    const fromProvenProxy =
      deps.proxySecret !== undefined &&
      presentsSecret(request.headers[trustHeaders.proxySecret], deps.proxySecret);
    const facts = initialRequestFacts(
      url,
      resolveClientAddress(
        request.socket.remoteAddress,
        request.headers['x-forwarded-for'],
        fromProvenProxy,
      ),
    );
    response.setHeader(correlationIdHeader, correlationId);
    recordRequestOnClose(request, response, facts, correlationId, logger);
    const spanContext = startHttpServerSpan(
      `gateway ${url.pathname}`,
      request,
      response,
      url.pathname,
    );
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
