import { z } from 'zod';

const account = z.object({ email: z.string(), password: z.string() });
const stackSchema = z.object({
  kafkaBrokers: z.string(),
  kafkaNamespace: z.string(),
  postgresUrl: z.string(),
  redisUrl: z.string(),
  urls: z.record(z.string(), z.url()),
  databaseUrls: z.record(z.string(), z.string()),
  accounts: z.object({ admin: account, customer: account }),
  spanSinkUrl: z.url().optional(),
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

export function databaseUrl(service: string): string {
  const url = testStack().databaseUrls[service];
  if (!url) throw new Error(`the test stack has no database for ${service}`);
  return url;
}

/** The tRPC endpoint of the gateway, the one URL clients use. */
export const gatewayTrpcUrl = () => `${stackUrl('gateway')}/trpc`;
