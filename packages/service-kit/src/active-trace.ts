import { trace } from '@opentelemetry/api';

/**
 * The active trace id, for log lines; undefined when tracing is off. Apart from tracing.ts so that the logger needs
 * only the OpenTelemetry API, not the SDK and its exporter (the web app loads the logger alone).
 */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
