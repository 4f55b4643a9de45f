import type { AddressInfo } from 'node:net';
import {
  createAccessTokenVerifier,
  createLogger,
  handleShutdownSignals,
  requireGatewaySecret,
  startTracing,
} from '@food/service-kit';
import { env } from './env.js';
import { createGatewayServer } from './server/gateway-server.js';
import { createRedisClient } from './redis-client.js';

const logger = createLogger('gateway', { level: env.LOG_LEVEL });
const gatewaySecret = requireGatewaySecret(env.GATEWAY_SECRET, logger);
const shutdown = handleShutdownSignals(logger);
const tracing = startTracing('gateway', { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, exportDelayMs: env.TRACING_EXPORT_DELAY_MS });
shutdown.onShutdown('tracing', tracing.shutdown);

const redis = createRedisClient(env.REDIS_URL, logger);
shutdown.onShutdown('redis', () => redis.disconnect());

const server = createGatewayServer({
  upstreams: {
    auth: new URL(env.AUTH_URL),
    order: new URL(env.ORDER_URL),
    payment: new URL(env.PAYMENT_URL),
    notification: new URL(env.NOTIFICATION_URL),
  },
  verifyAccessToken: createAccessTokenVerifier(env.AUTH_JWKS_URL),
  redis,
  rateLimits: {
    perCaller: env.RATE_LIMIT_PER_MINUTE,
    credentials: env.AUTH_RATE_LIMIT_PER_MINUTE,
    windowSeconds: 60,
    keyPrefix: env.RATE_LIMIT_KEY_PREFIX,
  },
  gatewaySecret,
  proxySecret: env.PROXY_SECRET,
  logger,
});
server.keepAliveTimeout = 65_000;

server.listen(env.PORT, env.HOST, () => {
  const { address, port } = server.address() as AddressInfo;
  logger.info('listening', {
    url: `http://${address}:${port}`,
    forwardedForBelieved: env.PROXY_SECRET ? 'from the proxy that sends PROXY_SECRET' : 'from nobody',
  });
});
shutdown.onShutdown(
  'http server',
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // Open streams (SSE) would hold shutdown forever; cut them after a grace period.
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    }),
);
