import { Kafka, logLevel, Partitioners, type KafkaConfig, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from '@food/service-kit';
import './kafkajs-idle-timer.js';
import { kafkajsLogLevel } from './kafkajs-log-level.js';

/** Reconnect within seconds of a broker coming back (kafkajs's default backoff grows to 30 s). */
const reconnectBackoff = { initialRetryTime: 250, maxRetryTime: 3000 };

export interface KafkaConnectionSettings {
  clientId: string;
  brokers: string[];
  logger: Logger;
}

/**
 * A kafkajs client whose own logs go through our logger (warnings and errors only), its fields nested under `kafkajs`
 * (its protocol `correlationId` would otherwise overwrite the request's).
 */
export function createKafkaClient(settings: KafkaConnectionSettings, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 3000,
    retry: { ...reconnectBackoff, retries: 20 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      (entry: LogEntry) => {
        const { message, timestamp: _timestamp, logger: _logger, ...fields } = entry.log;
        settings.logger[kafkajsLogLevel(entry)](`kafkajs: ${message}`, { kafkaNamespace: entry.namespace, kafkajs: fields });
      },
    ...overrides,
  });
}

/**
 * The runtime's producer: idempotent with one request in flight, so a retried send neither duplicates nor
 * reorders. Keys are placed with kafkajs's default (murmur2, Java-compatible) partitioner, named so that no
 * kafkajs version changes it silently. A send retries until it succeeds (kafkajs's default for an idempotent
 * producer): a send given up and sent again as a new batch would reuse sequence numbers the broker may already
 * have taken, so the broker could drop it as a duplicate. The relay bounds its shutdown itself (drainTimeoutMs).
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { ...reconnectBackoff, retries: Number.MAX_SAFE_INTEGER },
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/**
 * Connects a producer, waiting out a broker that is not there yet: a service restarted during a broker restart
 * must come up when the broker does, not exit (kafkajs's connect gives up after its client retries).
 */
export async function connectWhenReachable(
  producer: Pick<Producer, 'connect'>,
  logger: Logger,
  isStopping: () => boolean,
): Promise<void> {
  for (let retryInMs = 500; ; retryInMs = Math.min(retryInMs * 2, 5000)) {
    try {
      await producer.connect();
      return;
    } catch (error) {
      if (isStopping()) throw error;
      logger.warn('kafka producer could not connect; trying again', {
        error: (error as Error).message,
        retryInMs,
      });
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}
