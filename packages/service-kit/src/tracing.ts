import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

export { SpanKind };

/**
 * Starts OpenTelemetry tracing for this process when an OTLP endpoint is configured; otherwise registers nothing,
 * so every span below is the API's no-op and costs nothing. Trace context travels as W3C `traceparent` headers,
 * over HTTP and in Kafka message headers.
 */
export function startTracing(service: string, options: { otlpEndpoint: string | undefined; exportDelayMs?: number }) {
  if (!options.otlpEndpoint) return { enabled: false, shutdown: async () => undefined };
  const exporter = new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.exportDelayMs ?? 2000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return { enabled: true, shutdown: () => provider.shutdown() };
}

const tracer = () => trace.getTracer('food-ordering');

type HeaderValue = string | Buffer | null | undefined;
type HeaderCarrier = Record<string, HeaderValue | HeaderValue[]>;

/**
 * The trace context a request or message carries (the root context when it carries none). Headers come from
 * outside: a null, repeated or garbled value is skipped, never thrown on.
 */
export function contextFromHeaders(headers: HeaderCarrier | null | undefined): Context {
  const carrier: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' || Buffer.isBuffer(first)) carrier[name.toLowerCase()] = first.toString();
  }
  try {
    return propagation.extract(ROOT_CONTEXT, carrier);
  } catch {
    return ROOT_CONTEXT;
  }
}

/** Headers with the active trace context added (`traceparent`), for an outgoing request or message. */
export function withTraceHeaders<T extends Record<string, string>>(headers: T, from: Context = context.active()): T {
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(from, carrier);
  return carrier as T;
}

/** Runs `work` inside a new span (child of `parent`, else of the active span), ending it and recording errors. */
export async function inSpan<T>(
  name: string,
  options: { kind: SpanKind; parent?: Context; attributes?: Attributes },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(name, { kind: options.kind, attributes: options.attributes }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span the caller ends (for work that finishes in a callback, such as an HTTP response). */
export function startSpan(name: string, options: { kind: SpanKind; parent?: Context; attributes?: Attributes }) {
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, options.parent ?? context.active());
  return { span, context: trace.setSpan(options.parent ?? context.active(), span) };
}

export function runInContext<T>(ctx: Context, work: () => T): T {
  return context.with(ctx, work);
}

export { activeTraceId } from './active-trace.js';
