import { z } from 'zod';

const stackSchema = z.object({
  kafkaBrokers: z.string(),
  kafkaNamespace: z.string(),
  postgresUrl: z.string(),
  redisUrl: z.string(),
  urls: z.record(z.string(), z.url()),
  databaseUrls: z.record(z.string(), z.string()),
});

export type TestStack = z.infer<typeof stackSchema>;

/** The running test stack that `npm test` started; these tests cannot run without it. */
export function testStack(): TestStack {
  const raw = process.env.TEST_STACK;
  if (!raw) throw new Error('TEST_STACK is not set: run these tests through `npm test`, which starts the stack');
  return stackSchema.parse(JSON.parse(raw));
}

export function stackUrl(name: string): string {
  const url = testStack().urls[name];
  if (!url) throw new Error(`the test stack has no process named ${name}`);
  return url;
}
