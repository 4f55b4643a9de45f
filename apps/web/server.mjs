// `next start`, plus the one thing it cannot do: X-Forwarded-For is the client's address as this server can vouch
// for it (Next.js fills the header only when it is missing). That is the socket's address, unless the socket is a
// trusted proxy (WEB_TRUSTED_PROXIES: the balancer or ingress in front): then the right-most address it reports that
// is not a trusted proxy. Every request the app sends the gateway carries it, with PROXY_SECRET, and the gateway's
// rate limits and auth's login throttle count by it.
//   node server.mjs [--port 3000] [--hostname 127.0.0.1] [--dev]
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createLogger } from '@food/service-kit/logger';
import {
  loadConfigOrExit,
  logFormatSetting,
  logLevelSetting,
  portSetting,
} from '@food/service-kit/settings';
import { clientAddressBehind, trustedProxiesSetting } from '@food/service-kit/trusted-proxies';
import next from 'next';
import { z } from 'zod';

// The same settings as src/env.ts parses for the app (PORT as `next start` reads it: docker-compose.yml sets it).
const settings = loadConfigOrExit(
  z.object({
    PORT: portSetting(3000),
    LOG_LEVEL: logLevelSetting,
    LOG_FORMAT: logFormatSetting,
    WEB_TRUSTED_PROXIES: trustedProxiesSetting,
  }),
  process.env,
);
const logger = createLogger('web', { level: settings.LOG_LEVEL, format: settings.LOG_FORMAT });

const { values: args } = parseArgs({
  options: {
    // --port wins over PORT.
    port: { type: 'string', default: String(settings.PORT) },
    hostname: { type: 'string', default: '127.0.0.1' },
    dev: { type: 'boolean', default: false },
  },
});
const port = Number(args.port);

/** Headers by which a client could claim another address; the address resolved here replaces them all. */
const clientClaims = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

const app = next({ dev: args.dev, dir: import.meta.dirname, hostname: args.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const clientAddress = clientAddressBehind(
    settings.WEB_TRUSTED_PROXIES,
    request.socket.remoteAddress,
    request.headers['x-forwarded-for'],
  );
  for (const name of clientClaims) delete request.headers[name];
  if (clientAddress) request.headers['x-forwarded-for'] = clientAddress;
  handle(request, response).catch((error) => {
    logger.error('request failed', { error });
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, args.hostname, () =>
  logger.info('listening', {
    url: `http://${args.hostname}:${port}`,
    trustedProxies: settings.WEB_TRUSTED_PROXIES.entries.join(', ') || 'none',
  }),
);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Live feeds (SSE) would hold the close forever; cut them after a grace period.
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  });
}
