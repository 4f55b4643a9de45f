import http from 'node:http';
import { correlationIdHeader } from '@food/service-kit';

const hopByHopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

/** Streams a request to `target` and the answer back, without buffering (SSE passes through as it comes). */
export function forwardRequest(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  target: URL,
  correlationId: string,
): void {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!hopByHopHeaders.has(name)) headers[name] = value;
  }
  headers[correlationIdHeader] = correlationId;
  const upstream = http.request(
    { hostname: target.hostname, port: target.port, path: request.url, method: request.method, headers },
    (upstreamResponse) => {
      const answerHeaders = { ...upstreamResponse.headers };
      delete answerHeaders.connection;
      response.writeHead(upstreamResponse.statusCode ?? 502, answerHeaders);
      response.flushHeaders();
      upstreamResponse.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: `upstream unavailable: ${error.message}` } }));
  });
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
}
