// Places N orders through the gateway with the typed client and reports how the saga ended and how long it took.
//   npx tsx --conditions=source scripts/place-orders.ts [--count 50] [--decline-every 5] [--gateway http://127.0.0.1:4000/trpc]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createAnonymousClient, signIn } from '@food/api-client';
import { say } from './lib/run.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '50' },
    'decline-every': { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '10' },
    gateway: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/trpc' },
  },
});
const count = Number(values.count);
const declineEvery = Number(values['decline-every']);
const concurrency = Number(values.concurrency);
const url = values.gateway;

const email = `load-${randomUUID().slice(0, 8)}@example.test`;
const password = 'load-test-password-1';
await createAnonymousClient(url).auth.register.mutate({ email, password, name: 'Load test' });
const { client } = await signIn(url, { email, password });
const { restaurants } = await client.order.menu.query();
const restaurant = restaurants[0];
if (!restaurant?.menuItems[0]) throw new Error('the menu is empty');

const started = Date.now();
const orderIds: string[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const index = next++;
      const order = await client.order.create.mutate({
        restaurantId: restaurant.id,
        items: [{ menuItemId: restaurant.menuItems[index % restaurant.menuItems.length]!.id, quantity: 1 + (index % 3) }],
        deliveryAddress: `${index} Benchmark Avenue`,
        paymentMethod: declineEvery > 0 && index % declineEvery === declineEvery - 1 ? 'tok_decline' : 'tok_visa',
        idempotencyKey: randomUUID(),
      });
      orderIds.push(order.id);
    }
  }),
);
const placedMs = Date.now() - started;

const settled = new Map<string, { status: string; sagaMs: number }>();
const deadline = Date.now() + 120_000;
while (settled.size < orderIds.length && Date.now() < deadline) {
  for (const orderId of orderIds.filter((id) => !settled.has(id))) {
    const order = await client.order.get.query({ orderId });
    if (order.status !== 'PENDING_PAYMENT') {
      settled.set(orderId, { status: order.status, sagaMs: Date.parse(order.updatedAt) - Date.parse(order.createdAt) });
    }
  }
  if (settled.size < orderIds.length) await new Promise((resolve) => setTimeout(resolve, 500));
}

const durations = [...settled.values()].map((entry) => entry.sagaMs).sort((a, b) => a - b);
const percentile = (p: number) => durations[Math.min(durations.length - 1, Math.ceil((p / 100) * durations.length) - 1)] ?? NaN;
const byStatus = (status: string) => [...settled.values()].filter((entry) => entry.status === status).length;
say(`orders placed:      ${orderIds.length} in ${(placedMs / 1000).toFixed(1)} s (${((orderIds.length / placedMs) * 1000).toFixed(1)}/s)`);
say(`CONFIRMED:          ${byStatus('CONFIRMED')}`);
say(`CANCELLED:          ${byStatus('CANCELLED')}`);
say(`still pending:      ${orderIds.length - settled.size}`);
say(`saga time (create -> terminal, server clocks): median ${percentile(50)} ms, p99 ${percentile(99)} ms`);
process.exit(orderIds.length === settled.size ? 0 : 1);
