import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '@food/service-kit';

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export interface KafkaConnectionSettings {
  clientId: string;
  brokers: string[];
  logger: Logger;
}

/** A kafkajs client whose own logs go through our JSON logger (warnings and errors only). */
export function createKafkaClient(settings: KafkaConnectionSettings, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 3000,
    // Reconnect within seconds of a broker coming back (kafkajs's default backoff grows to 30 s).
    retry: { initialRetryTime: 250, maxRetryTime: 3000, retries: 20 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log, namespace }: LogEntry) => {
        const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
        settings.logger[levelNames[level] ?? 'info'](`kafkajs: ${message}`, { kafkaNamespace: namespace, ...fields });
      },
    ...overrides,
  });
}
