import { brokerPort, HOST } from '../kafka/settings.mjs';

/**
 * The settings of a whole local stack, read once from the environment by the root scripts and handed to each
 * process as its own variables. `test` runs beside a dev stack: other ports, `_test` databases, and its own
 * Kafka namespace (topic and group prefix), so `npm test` never touches what `npm start` serves.
 * STACK_PORT_OFFSET, STACK_NAMESPACE and STACK_DATABASE_SUFFIX move a stack elsewhere again (two test runs at once).
 */
export function stackSettings(mode) {
  const env = process.env;
  const isTest = mode === 'test';
  return {
    mode,
    postgresUrl: env.POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    // The broker `npm run kafka` starts listens on KAFKA_PORT: a stack moved there finds it without KAFKA_BROKERS.
    kafkaBrokers: env.KAFKA_BROKERS || `${HOST}:${brokerPort()}`,
    kafkaNamespace: env.STACK_NAMESPACE ?? (isTest ? 'test' : ''),
    portOffset: Number(env.STACK_PORT_OFFSET ?? (isTest ? 10000 : 0)),
    databaseSuffix: env.STACK_DATABASE_SUFFIX ?? (isTest ? '_test' : ''),
    host: '127.0.0.1',
    /** Partitions of each design topic when the stack creates it (existing topics keep theirs). */
    topicPartitions: env.KAFKA_TOPIC_PARTITIONS ? Number(env.KAFKA_TOPIC_PARTITIONS) : undefined,
    /** Retention of every design topic; the services get the same value and refuse a dedupe window shorter. */
    topicRetentionHours: env.KAFKA_TOPIC_RETENTION_HOURS
      ? Number(env.KAFKA_TOPIC_RETENTION_HOURS)
      : 168,
  };
}

export function databaseUrl(settings, databaseName) {
  const url = new URL(settings.postgresUrl);
  url.pathname = `/${databaseName}${settings.databaseSuffix}`;
  return url.toString();
}
