/**
 * Creates the design's topics (3 partitions, or KAFKA_TOPIC_PARTITIONS) in the stack's namespace, and gives every
 * one of them the stack's retention (KAFKA_TOPIC_RETENTION_HOURS); idempotent.
 */
export async function ensureDesignTopics(settings) {
  const { allTopics, defaultPartitions } = await import('@food/contracts');
  const runtime = await import('@food/kafka-runtime');
  const { createLogger } = await import('@food/service-kit');
  const kafka = runtime.createKafkaClient({
    clientId: 'stack-setup',
    brokers: settings.kafkaBrokers.split(','),
    logger: createLogger('stack-setup', { level: 'error' }),
  });
  const names = allTopics.map((topic) => runtime.namespaced(settings.kafkaNamespace, topic));
  return runtime.ensureTopics(
    kafka,
    names,
    settings.topicPartitions ?? defaultPartitions,
    settings.topicRetentionHours,
  );
}
