import http from 'node:http';

/**
 * An OTLP/HTTP (JSON) trace receiver that keeps spans in memory, for the test stack: every process exports its
 * spans here, and tests ask it which spans share a trace (GET /spans?traceId=… or ?name=…).
 */
export async function startSpanSink(port, host = '127.0.0.1') {
  const spans = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sink');
    if (request.method === 'POST' && url.pathname === '/v1/traces') {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          for (const resourceSpans of body.resourceSpans ?? []) {
            const attributes = resourceSpans.resource?.attributes ?? [];
            const service = attributes.find((attribute) => attribute.key === 'service.name')?.value?.stringValue;
            for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
              for (const span of scopeSpans.spans ?? []) {
                spans.push({ service, name: span.name, kind: span.kind, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || null });
              }
            }
          }
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{}');
        } catch (error) {
          response.writeHead(400, { 'content-type': 'text/plain' });
          response.end(`unreadable spans: ${error.message}`);
        }
      });
      return;
    }
    if (request.method === 'GET' && url.pathname === '/spans') {
      const traceId = url.searchParams.get('traceId');
      const name = url.searchParams.get('name');
      const matching = spans.filter((span) => (!traceId || span.traceId === traceId) && (!name || span.name === name));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(matching));
      return;
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { url: `http://${host}:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
