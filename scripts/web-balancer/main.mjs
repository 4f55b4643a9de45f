// The one address of the web console when it runs as several instances: a small HTTP load balancer that hands each
// request to the next instance in turn (round robin, no session affinity), as the ingress (ingress-nginx in
// infra/kubernetes) does in a real deployment. Answers say which instance served them (X-Web-Instance), the way an
// ingress can expose its upstream, so a test can watch a session move between instances.
//   node scripts/web-balancer/main.mjs --port 3020 --upstream web=http://127.0.0.1:3000 --upstream web-2=http://127.0.0.1:3010
import http from 'node:http';
import { parseArgs } from 'node:util';
import { parseUpstreams, roundRobin } from './upstreams.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    hostname: { type: 'string', default: '127.0.0.1' },
    upstream: { type: 'string', multiple: true, default: [] },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port <= 0) throw new Error('--port must be a port number');
const nextUpstream = roundRobin(parseUpstreams(args.upstream));
const agent = new http.Agent({ keepAlive: true });
/** Hop-by-hop headers (RFC 9110 7.6.1): they describe one connection and are not passed on. */
const hopByHop = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

function log(level, message, fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, service: 'web-balancer', message, ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

function withoutHopByHop(headers) {
  const copy = { ...headers };
  for (const name of hopByHop) delete copy[name];
  return copy;
}

/** Sends the request to one upstream; a GET or HEAD whose connection failed goes to the next one (never a body). */
function forward(request, response, upstream, attemptsLeft) {
  const target = new URL(request.url ?? '/', upstream.url);
  const outgoing = http.request(target, {
    method: request.method,
    headers: withoutHopByHop(request.headers),
    agent,
  });
  outgoing.on('response', (answer) => {
    response.writeHead(answer.statusCode ?? 502, { ...withoutHopByHop(answer.headers), 'x-web-instance': upstream.name });
    answer.pipe(response);
  });
  outgoing.on('error', (error) => {
    const retriable = !response.headersSent && attemptsLeft > 0 && ['GET', 'HEAD'].includes(request.method ?? '');
    log('warn', 'upstream failed', { upstream: upstream.name, error: error.message, retried: retriable });
    if (retriable) forward(request, response, nextUpstream(), attemptsLeft - 1);
    else if (!response.headersSent) response.writeHead(502).end();
    else response.destroy();
  });
  // The client left before the answer was complete (a closed tab, an SSE feed ended): stop asking the instance.
  response.on('close', () => {
    if (!response.writableFinished) outgoing.destroy();
  });
  if (['GET', 'HEAD'].includes(request.method ?? '')) outgoing.end();
  else request.pipe(outgoing);
}

const server = http.createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return;
  }
  forward(request, response, nextUpstream(), 1);
});
server.keepAliveTimeout = 65_000;
server.listen(port, args.hostname, () => log('info', 'listening', { url: `http://${args.hostname}:${port}` }));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Live feeds (SSE) would hold the close forever; cut them after a grace period.
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  });
}
