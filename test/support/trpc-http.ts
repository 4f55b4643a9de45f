import { gatewayTrpcUrl } from './stack.js';

export type ProcedureType = 'query' | 'mutation' | 'subscription';

export interface RawCall {
  path: string;
  type: ProcedureType;
  /** Sent as JSON (`?input=` for queries and subscriptions, the body for mutations); `undefined` sends none. */
  input?: unknown;
  /** A Bearer token; omitted for an anonymous call. */
  token?: string | undefined;
  /** The tRPC base URL; the gateway's by default. */
  trpcUrl?: string;
  headers?: Record<string, string>;
}

export interface SseEvent {
  event: string | undefined;
  data: unknown;
}

export interface RawAnswer {
  status: number;
  contentType: string | null;
  text: string;
  /** The body parsed as JSON; `undefined` when it is not JSON (or for a subscription). */
  json: unknown;
  /** For a subscription: the stream's events within a short window (`connected`, then data or `serialized-error`). */
  events?: SseEvent[] | undefined;
}

export interface TrpcErrorShape {
  message: string;
  code: number;
  data: { code: string; httpStatus?: number; path?: string };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads an SSE body for a while and drops the stream. tRPC opens every subscription stream with a `connected` event,
 * even one it refuses, whose next event is then the error: so reading stops at an error or after `windowMs`.
 */
async function readSseEvents(
  body: ReadableStream<Uint8Array>,
  windowMs: number,
): Promise<SseEvent[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + windowMs;
  try {
    while (Date.now() < deadline && !events.some((event) => event.event === 'serialized-error')) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<'timeout'>((resolve) =>
          setTimeout(() => resolve('timeout'), Math.max(1, deadline - Date.now())),
        ),
      ]);
      if (chunk === 'timeout' || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim();
        const data = lines
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (event !== undefined || data) events.push({ event, data: parseJson(data) ?? data });
      }
    }
    return events;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * One tRPC call as plain HTTP, so a test can send what the typed client never would (wrong types, extra fields,
 * broken JSON) and see exactly what comes back.
 */
export async function callRaw(call: RawCall): Promise<RawAnswer> {
  const base = call.trpcUrl ?? gatewayTrpcUrl();
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  const encodedInput =
    call.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(call.input))}`;
  let response: Response;
  if (call.type === 'mutation') {
    response = await fetch(`${base}/${call.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: call.input === undefined ? undefined : JSON.stringify(call.input),
    });
  } else {
    if (call.type === 'subscription') headers.accept ??= 'text/event-stream';
    response = await fetch(`${base}/${call.path}${encodedInput}`, { headers });
  }
  const contentType = response.headers.get('content-type');
  if (contentType?.startsWith('text/event-stream') && response.body) {
    return {
      status: response.status,
      contentType,
      text: '',
      json: undefined,
      events: await readSseEvents(response.body, 1_500),
    };
  }
  const text = await response.text();
  return { status: response.status, contentType, text, json: parseJson(text) };
}

/** Whether `value` is a tRPC error envelope: a message, a JSON-RPC code, and a tRPC code in `data`. */
export function isTrpcErrorShape(value: unknown): value is TrpcErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as Partial<TrpcErrorShape>;
  return (
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    typeof error.code === 'number' &&
    typeof error.data === 'object' &&
    error.data !== null &&
    typeof error.data.code === 'string'
  );
}

/** The tRPC error of an answer: the JSON body's `error`, or a subscription's `serialized-error` event. */
export function trpcErrorOf(answer: RawAnswer): TrpcErrorShape | undefined {
  if (answer.events) {
    const data = answer.events.find((event) => event.event === 'serialized-error')?.data;
    return isTrpcErrorShape(data) ? data : undefined;
  }
  const body = answer.json as { error?: unknown } | undefined;
  return isTrpcErrorShape(body?.error) ? body.error : undefined;
}

/** A short description of an answer for assertion messages (bodies can be megabytes). */
export function describeAnswer(answer: RawAnswer): string {
  const body = answer.events ? `events ${JSON.stringify(answer.events)}` : answer.text;
  return `HTTP ${answer.status} ${answer.contentType ?? '(no content-type)'}: ${body.slice(0, 400)}`;
}
