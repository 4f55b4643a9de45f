import path from 'node:path';
import { repoRoot } from './paths.mjs';

/** Creates the design's topics (3 partitions) in the stack's namespace; idempotent. */
export async function ensureDesignTopics(settings) {
  const { allTopics, defaultPartitions } = await import(path.join(repoRoot, 'packages/contracts/dist/index.js'));
  const runtime = await import(path.join(repoRoot, 'packages/kafka-runtime/dist/index.js'));
  const { createLogger } = await import(path.join(repoRoot, 'packages/service-kit/dist/index.js'));
  const kafka = runtime.createKafkaClient({
    clientId: 'stack-setup',
    brokers: settings.kafkaBrokers.split(','),
    logger: createLogger('stack-setup', { level: 'error' }),
  });
  const names = allTopics.map((topic) => runtime.namespaced(settings.kafkaNamespace, topic));
  return runtime.ensureTopics(kafka, names, defaultPartitions);
}
