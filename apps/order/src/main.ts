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
import { logger } from './logger.js';
import { orderRouter } from './router/index.js';

const shutdown = handleShutdownSignals(logger);
const tracing = startTracing('order', { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, exportDelayMs: env.TRACING_EXPORT_DELAY_MS });
shutdown.onShutdown('tracing', tracing.shutdown);
shutdown.onShutdown('database', () => db.$disconnect());

await startServiceEventing({
  service: 'order',
  brokers: env.KAFKA_BROKERS,
  namespace: env.KAFKA_NAMESPACE,
  databaseUrl: env.DATABASE_URL,
  database: db,
  catalog: eventCatalog,
  consume: { handlers, deadLetterTopic: deadLetterTopicOf.order },
  logger,
  onShutdown: shutdown.onShutdown,
});

const verifyAccessToken = createAccessTokenVerifier(env.AUTH_JWKS_URL);
const http = await startTrpcHttpServer({
  router: orderRouter,
  createContext: ({ req, correlationId }) => createRequestContext(req, correlationId, verifyAccessToken, logger),
  port: env.PORT,
  host: env.HOST,
  logger,
});
shutdown.onShutdown('http server', () => http.close());
logger.info('listening', { url: http.url });
