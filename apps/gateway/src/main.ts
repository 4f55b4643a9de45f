import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { correlationIdHeader, createLogger, handleShutdownSignals } from '@food/service-kit';
import { env } from './env.js';
import { forwardRequest } from './proxy.js';
import { routeTrpcPath } from './route-request.js';
import { gatewayHealth } from './upstream-health.js';
import { upstreams } from './upstreams.js';

const logger = createLogger('gateway', { level: env.LOG_LEVEL });
const shutdown = handleShutdownSignals(logger);

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const server = http.createServer((request, response) => {
  const started = performance.now();
  const correlationId = randomUUID();
  const url = new URL(request.url ?? '/', 'http://gateway');
  response.setHeader(correlationIdHeader, correlationId);
  response.on('finish', () =>
    logger.info('request', {
      correlationId,
      method: request.method,
      route: url.pathname,
      status: response.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    }),
  );

  if (url.pathname === '/health') {
    void gatewayHealth().then((report) => sendJson(response, report.status === 'ok' ? 200 : 503, report));
    return;
  }
  if (!url.pathname.startsWith('/trpc/')) {
    sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'the API lives under /trpc/' } });
    return;
  }
  const route = routeTrpcPath(url.pathname);
  if (route.kind === 'rejected') {
    sendJson(response, route.status, { error: { code: route.code, message: route.message } });
    return;
  }
  forwardRequest(request, response, upstreams[route.service], correlationId);
});

server.listen(env.PORT, env.HOST, () => logger.info('listening', { url: `http://${env.HOST}:${env.PORT}` }));
shutdown.onShutdown('http server', () => new Promise<void>((resolve) => server.close(() => resolve())));
