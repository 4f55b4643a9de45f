// The bench's load generator, in a process of its own so its CPU is its own: places orders through the gateway at
// a steady rate for a number of seconds, then prints one JSON line: the ids placed, what the service answered
// instead (by HTTP status, after the client's retries), the overload answers it retried, the rate achieved and
// its own CPU time.
//   tsx --conditions=source scripts/bench/load-generator.ts '{"gatewayUrl":…,"email":…,"password":…,"rate":50,"seconds":10}'
import { randomUUID } from 'node:crypto';
import { signIn } from '@food/api-client';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

const request = z
  .object({
    gatewayUrl: z.url(),
    email: z.string(),
    password: z.string(),
    rate: z.number().positive(),
    seconds: z.number().positive(),
    requestTimeoutMs: z.number().int().positive().default(30_000),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));

// Overload answers (503 with Retry-After) are retried by the typed client, as any caller's would be; each is counted.
const overloaded: Record<string, number> = {};
const { client } = await signIn(
  request.gatewayUrl,
  { email: request.email, password: request.password },
  { overloadRetry: { onOverloaded: ({ status }) => void (overloaded[status] = (overloaded[status] ?? 0) + 1) } },
);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ids: string[] = [];
const refused: Record<string, number> = {};
const answerMs: number[] = [];
const statusOf = (error: unknown) =>
  error instanceof TRPCClientError ? String((error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 'network') : 'network';

const placeOne = async () => {
  const sent = performance.now();
  try {
    const order = await client.order.create.mutate(
      {
        restaurantId: 'green-bowl',
        items: [{ menuItemId: 'green-poke', quantity: 1 }],
        deliveryAddress: 'Bench Road 1',
        paymentMethod: 'tok_visa',
        idempotencyKey: randomUUID(),
      },
      { signal: AbortSignal.timeout(request.requestTimeoutMs) },
    );
    ids.push(order.id);
    answerMs.push(performance.now() - sent);
  } catch (error) {
    const status = statusOf(error);
    refused[status] = (refused[status] ?? 0) + 1;
  }
};

const count = Math.round(request.rate * request.seconds);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const pending: Array<Promise<void>> = [];
for (let i = 0; i < count; ) {
  const elapsed = performance.now() - started;
  // Everything due by now goes out, so a late timer does not lower the offered rate.
  while (i < count && (i / request.rate) * 1000 <= elapsed) {
    pending.push(placeOne());
    i += 1;
  }
  if (i < count) await sleep(Math.max(0, (i / request.rate) * 1000 - (performance.now() - started)));
}
const placingMs = performance.now() - started;
await Promise.all(pending);
const answeredMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
answerMs.sort((a, b) => a - b);
const at = (p: number) => answerMs[Math.min(answerMs.length - 1, Math.ceil(p * answerMs.length) - 1)] ?? Number.NaN;

process.stdout.write(
  `${JSON.stringify({
    offered: count,
    ids,
    refused,
    overloaded,
    placingMs,
    answeredMs,
    achievedRate: ids.length / (answeredMs / 1000),
    createP50Ms: at(0.5),
    createP99Ms: at(0.99),
    cpuMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);
process.exit(0);
