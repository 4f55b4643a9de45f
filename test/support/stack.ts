import { trustHeaders } from '@food/contracts';
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
  /** The shared secrets of the trust boundaries (docs/gateway.md), for tests that act as the gateway or the web app. */
  secrets: z.object({ gateway: z.string(), proxy: z.string() }),
  spanSinkUrl: z.url().optional(),
  /** Where each process's log is (`<name>.log`), and when every service first reported "ok" (ms since the epoch). */
  logDir: z.string().optional(),
  readyAt: z.number().optional(),
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

/** The header the gateway adds to every call to a service, which answers nothing else (health excepted). */
export function asGateway(): Record<string, string> {
  return { [trustHeaders.gatewaySecret]: testStack().secrets.gateway };
}

/** The tRPC endpoint of the gateway, the one URL clients use. */
export const gatewayTrpcUrl = () => `${stackUrl('gateway')}/trpc`;
