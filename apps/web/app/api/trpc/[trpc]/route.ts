import type { NextRequest } from 'next/server';
import { clientAddressOf } from '@/auth/client-address';
import { decodeSession, readSessionCookie } from '@/auth/session-cookie';
import { env } from '@/env';
import { forwardingHeaders } from '@/gateway/forwarding-headers';
import { trpcErrorResponse } from '@/gateway/trpc-error-response';
import { refusalOfStateChangingCall } from '@/security/state-changing-call';
import { serverLog } from '@/server-log';

export const dynamic = 'force-dynamic';

const prefix = '/api/trpc/';
/** What a tRPC client sends that the gateway needs; cookies and everything else stay here. */
const passedRequestHeaders = ['accept', 'content-type', 'trpc-accept', 'last-event-id'];
/** Headers of the gateway's answer that describe the connection or an encoding fetch has already undone. */
const droppedResponseHeaders = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
  'set-cookie',
]);

/**
 * The backend-for-frontend: every tRPC call of the browser goes to the gateway with the session's access token,
 * which never leaves the server; a call that changes something must be JSON from this app's own page. proxy.ts has refreshed the token if it was due. Answers (SSE subscriptions and
 * streamed batches included) are passed through as they arrive, never buffered.
 */
async function forward(request: NextRequest): Promise<Response> {
  if (request.method !== 'GET') {
    const refusal = refusalOfStateChangingCall(request.headers, new URL(env.NEXTAUTH_URL).origin);
    if (refusal) {
      serverLog.warn('api call refused', {
        path: request.nextUrl.pathname,
        reason: refusal.message,
      });
      return trpcErrorResponse(request.nextUrl, prefix, refusal.code, refusal.message);
    }
  }
  const session = await decodeSession(readSessionCookie(request.cookies));
  const target = new URL(
    `/trpc/${request.nextUrl.pathname.slice(prefix.length)}${request.nextUrl.search}`,
    env.GATEWAY_URL,
  );

  const headers = new Headers();
  for (const name of passedRequestHeaders) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (session?.accessToken && !session.error)
    headers.set('authorization', `Bearer ${session.accessToken}`);
  for (const [name, value] of Object.entries(forwardingHeaders(clientAddressOf(request.headers))))
    headers.set(name, value);

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: request.method === 'GET' ? undefined : await request.arrayBuffer(),
      signal: request.signal,
      cache: 'no-store',
      redirect: 'manual',
    });
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    serverLog.warn('gateway unreachable', {
      path: target.pathname,
      error: (error as Error).message,
    });
    return trpcErrorResponse(
      request.nextUrl,
      prefix,
      'BAD_GATEWAY',
      'The service is unreachable right now. Try again in a moment.',
    );
  }

  const answerHeaders = new Headers();
  for (const [name, value] of upstream.headers) {
    if (!droppedResponseHeaders.has(name)) answerHeaders.set(name, value);
  }
  if (answerHeaders.get('content-type')?.startsWith('text/event-stream')) {
    // no-transform keeps the compression middleware from holding events back; nginx reads X-Accel-Buffering.
    answerHeaders.set('cache-control', 'no-cache, no-transform');
    answerHeaders.set('x-accel-buffering', 'no');
  }
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: answerHeaders,
  });
}

export { forward as GET, forward as POST };
