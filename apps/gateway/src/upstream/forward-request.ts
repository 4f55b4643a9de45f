import http from 'node:http';
import https from 'node:https';

const hopByHopResponseHeaders = ['connection', 'keep-alive'];

/**
 * Streams a request to `target` and the answer back as it comes: nothing is buffered or compressed, and headers
 * are flushed before the first body byte, so SSE and streamed batches reach the client event by event.
 */
export function forwardRequest(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  target: URL,
  headers: http.OutgoingHttpHeaders,
  onUnreachable: (error: Error) => void,
): void {
  // The client left while the gateway was still checking it: nobody would read the answer (nor close the stream).
  if (response.destroyed) return;
  const send = target.protocol === 'https:' ? https.request : http.request;
  const upstream = send(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: request.url,
      method: request.method,
      headers,
    },
    (upstreamResponse) => {
      const answerHeaders = { ...upstreamResponse.headers };
      for (const name of hopByHopResponseHeaders) delete answerHeaders[name];
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
    onUnreachable(error);
  });
  response.on('close', () => {
    // The client left (or the stream was cut) before the answer was complete: stop the upstream work too.
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}
