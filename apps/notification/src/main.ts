import { createAccessTokenVerifier, createRequestContext, handleShutdownSignals, startTrpcHttpServer } from '@food/service-kit';
import { db } from './db.js';
import { env } from './env.js';
import { logger } from './logger.js';
import { notificationRouter } from './router/index.js';

const shutdown = handleShutdownSignals(logger);
shutdown.onShutdown('database', () => db.$disconnect());

const verifyAccessToken = createAccessTokenVerifier(env.AUTH_JWKS_URL);
const http = await startTrpcHttpServer({
  router: notificationRouter,
  createContext: ({ req, correlationId }) => createRequestContext(req, correlationId, verifyAccessToken, logger),
  port: env.PORT,
  host: env.HOST,
  logger,
});
shutdown.onShutdown('http server', () => http.close());
logger.info('listening', { url: http.url });
