import http from 'node:http';
import { closeServer, listenOnFreePort } from './http-servers.js';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type UpstreamResponder = (request: RecordedRequest, response: http.ServerResponse) => void;

/** Answers like a tRPC service: one result per procedure, naming the service and the path it got. */
export function trpcResultResponder(service: string): UpstreamResponder {
  return (request, response) => {
    const url = new URL(request.url, 'http://upstream');
    const path = decodeURIComponent(url.pathname.replace(/^\/trpc\//, ''));
    const result = (procedure: string) => ({ result: { data: { service, path: procedure } } });
    const body = url.searchParams.get('batch') === '1' ? path.split(',').map(result) : result(path);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
}

/** A stand-in for a service: records every request it receives (with its body), then lets `respond` answer. */
export async function startFakeUpstream(respond: UpstreamResponder) {
  const received: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(recorded);
      respond(recorded, response);
    });
  });
  const url = await listenOnFreePort(server);
  return { url: new URL(url), received, close: () => closeServer(server) };
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;
