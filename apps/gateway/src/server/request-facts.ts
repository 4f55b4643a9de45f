import type http from 'node:http';
import { recordHttpRequest, type Logger } from '@food/service-kit';

/** What the request log line says about a request beyond method, status and duration. */
export interface RequestFacts {
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

export function initialRequestFacts(url: URL, clientAddress: string): RequestFacts {
  return {
    route: url.pathname,
    metricsLabel:
      url.pathname === '/health' || url.pathname === '/metrics' ? url.pathname : 'unknown',
    clientAddress,
    rateLimit: 'not-applied',
  };
}

/** Records the request's metrics and writes its one log line once the response closes. */
export function recordRequestOnClose(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  facts: RequestFacts,
  correlationId: string,
  logger: Logger,
): void {
  const started = performance.now();
  // 'close' rather than 'finish': a stream the client abandons is logged too.
  response.on('close', () => {
    recordHttpRequest(
      facts.metricsLabel,
      response.statusCode,
      (performance.now() - started) / 1000,
    );
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
}
