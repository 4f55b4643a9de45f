import { deadLetterTopicOf, eventCatalog } from '@food/contracts';
import { startServiceEventing } from '@food/kafka-runtime';
import {
  createAccessTokenVerifier,
  createRequestContext,
  handleShutdownSignals,
  startTracing,
  startTrpcHttpServer,
} from '@food/service-kit';
import { db } from './db.js';
import { env } from './env.js';
import { handlers } from './events/handlers.js';
import { notificationFeed } from './feed/index.js';
import { logger } from './logger.js';
import { notificationRouter } from './router/index.js';

const shutdown = handleShutdownSignals(logger);
const tracing = startTracing('notification', { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, exportDelayMs: env.TRACING_EXPORT_DELAY_MS });
shutdown.onShutdown('tracing', tracing.shutdown);
shutdown.onShutdown('database', () => db.$disconnect());

await notificationFeed.start();
shutdown.onShutdown('live feed', () => notificationFeed.stop());

await startServiceEventing({
  service: 'notification',
  brokers: env.KAFKA_BROKERS,
  namespace: env.KAFKA_NAMESPACE,
  databaseUrl: env.DATABASE_URL,
  database: db,
  catalog: eventCatalog,
  consume: { handlers, deadLetterTopic: deadLetterTopicOf.notification },
  logger,
  onShutdown: shutdown.onShutdown,
});

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
