// The one address of the web console when it runs as several instances: a small HTTP load balancer that hands each
// request to the next instance in turn (round robin, no session affinity), as the ingress (ingress-nginx in
// infra/kubernetes) does in a real deployment. Like the ingress it appends the client's address to X-Forwarded-For
// (the instances believe it from the balancer's address only: WEB_TRUSTED_PROXIES). Answers say which instance
// served them (X-Web-Instance), the way an ingress can expose its upstream, so a test can watch a session move
// between instances. --source-address is the local address it connects to the instances from: on one host every
// process is 127.0.0.1, and the instances must tell the balancer from a client that calls them directly.
//   node scripts/web-balancer/main.mjs --port 3020 --upstream web=http://127.0.0.1:3000 --upstream web-2=http://127.0.0.1:3010 [--source-address 127.0.0.2]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { createLogger } from '@food/service-kit/logger';
import { loadConfigOrExit, logFormatSetting, logLevelSetting } from '@food/service-kit/settings';
import { z } from 'zod';
import { forwardedFor } from './forwarded-for.mjs';
import { parseUpstreams, roundRobin } from './upstreams.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    hostname: { type: 'string', default: '127.0.0.1' },
    upstream: { type: 'string', multiple: true, default: [] },
    'source-address': { type: 'string' },
  },
});
const settings = loadConfigOrExit(z.object({ LOG_LEVEL: logLevelSetting, LOG_FORMAT: logFormatSetting }), process.env);
const logger = createLogger('web-balancer', { level: settings.LOG_LEVEL, format: settings.LOG_FORMAT });
const port = Number(args.port);
if (!Number.isInteger(port) || port <= 0) throw new Error('--port must be a port number');
const nextUpstream = roundRobin(parseUpstreams(args.upstream));
const agent = new http.Agent({ keepAlive: true, localAddress: args['source-address'] });
/** Hop-by-hop headers (RFC 9110 7.6.1): they describe one connection and are not passed on. */
const hopByHop = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

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
    headers: { ...withoutHopByHop(request.headers), 'x-forwarded-for': forwardedFor(request) },
    agent,
  });
  outgoing.on('response', (answer) => {
    response.writeHead(answer.statusCode ?? 502, { ...withoutHopByHop(answer.headers), 'x-web-instance': upstream.name });
    answer.pipe(response);
  });
  outgoing.on('error', (error) => {
    const retriable = !response.headersSent && attemptsLeft > 0 && ['GET', 'HEAD'].includes(request.method ?? '');
    logger.warn('upstream failed', { upstream: upstream.name, error: error.message, retried: retriable });
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
server.listen(port, args.hostname, () =>
  logger.info('listening', { url: `http://${args.hostname}:${port}`, sourceAddress: args['source-address'] ?? 'any' }),
);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Live feeds (SSE) would hold the close forever; cut them after a grace period.
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  });
}
