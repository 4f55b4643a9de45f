import { z } from 'zod';

/** The test stack's servers: `npm test` starts Kafka and passes these in TEST_STACK. */
export function stackServers(): { kafkaBrokers: string[]; postgresUrl: string } {
  const raw = process.env.TEST_STACK;
  if (!raw) throw new Error('TEST_STACK is not set: run these tests through `npm test`, which starts Kafka');
  const stack = z.object({ kafkaBrokers: z.string(), postgresUrl: z.string() }).parse(JSON.parse(raw));
  return { kafkaBrokers: stack.kafkaBrokers.split(','), postgresUrl: stack.postgresUrl };
}
