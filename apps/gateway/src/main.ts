import { createAccessTokenVerifier, startServiceProcess } from '@food/service-kit';
import { env } from './env.js';
import { logger } from './logger.js';
import { createRedisClient } from './redis-client.js';
import { createGatewayServer } from './server/gateway-server.js';

await startServiceProcess({
  service: 'gateway',
  env,
  logger,
  open: ({ onShutdown }) => {
    const redis = createRedisClient(env.REDIS_URL, logger);
    onShutdown('redis', () => redis.disconnect());
    return { redis, verifyAccessToken: createAccessTokenVerifier(env.AUTH_JWKS_URL) };
  },
  http: ({ redis, verifyAccessToken }, { gatewaySecret }) => {
    logger.info('X-Forwarded-For believed', {
      from: env.PROXY_SECRET ? 'the proxy that sends PROXY_SECRET' : 'nobody',
    });
    return createGatewayServer({
      upstreams: {
        auth: new URL(env.AUTH_URL),
        order: new URL(env.ORDER_URL),
        payment: new URL(env.PAYMENT_URL),
        notification: new URL(env.NOTIFICATION_URL),
      },
      verifyAccessToken,
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
  },
});
