// `next start`, plus the one thing it cannot do: X-Forwarded-For is the address this socket saw, never what the
// client claims (Next.js fills the header only when it is missing). Every request the app sends the gateway carries
// it, with PROXY_SECRET, and the gateway's rate limits and auth's login throttle count by it.
//   node server.mjs [--port 3000] [--hostname 127.0.0.1] [--dev]
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';

const { values: args } = parseArgs({
  options: {
    // PORT as `next start` reads it (docker-compose.yml sets it); --port wins.
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    hostname: { type: 'string', default: '127.0.0.1' },
    dev: { type: 'boolean', default: false },
  },
});
const port = Number(args.port);

/** Headers by which a client could claim another address; the socket's replaces them all. */
const clientClaims = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

const app = next({ dev: args.dev, dir: import.meta.dirname, hostname: args.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  for (const name of clientClaims) delete request.headers[name];
  if (request.socket.remoteAddress)
    request.headers['x-forwarded-for'] = request.socket.remoteAddress;
  handle(request, response).catch((error) => {
    log('error', 'request failed', {
      error: error instanceof Error ? error.message : String(error),
    });
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, args.hostname, () =>
  log('info', 'listening', { url: `http://${args.hostname}:${port}` }),
);

function log(level, message, fields = {}) {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    service: 'web',
    message,
    ...fields,
  });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Live feeds (SSE) would hold the close forever; cut them after a grace period.
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  });
}
