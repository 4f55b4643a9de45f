import type http from 'node:http';
import type { Context } from '@opentelemetry/api';
import { contextFromHeaders, SpanKind, startSpan } from './tracing.js';

/**
 * A server span for one HTTP request, continuing the caller's trace (its traceparent header) and ended when the
 * response closes. Returns the context to handle the request in.
 */
export function startHttpServerSpan(
  name: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  path: string,
): Context {
  const { span, context } = startSpan(name, {
    kind: SpanKind.SERVER,
    parent: contextFromHeaders(request.headers),
    attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': path },
  });
  response.on('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    span.end();
  });
  return context;
}
