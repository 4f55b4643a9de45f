import { describe, expect, it } from 'vitest';
import { newCustomer, orderInput } from './support/customers.js';

const orderCount = 20;
const settleWithinMs = 60_000;

describe('a customer reading orders while the saga settles them', () => {
  it(
    'every answer of order.get shows the status its own history ends with (20 orders, read over and over)',
    async () => {
      const customer = await newCustomer('snapshot');
      const created = await Promise.all(
        Array.from({ length: orderCount }, (_, index) =>
          customer.client.order.create.mutate(orderInput({ paymentMethod: index % 4 === 0 ? 'tok_decline' : 'tok_visa' })),
        ),
      );
      const unsettled = new Set(created.map((order) => order.id));
      const contradictions: string[] = [];
      let reads = 0;
      const deadline = Date.now() + settleWithinMs;
      while (unsettled.size && Date.now() < deadline) {
        await Promise.all(
          [...unsettled].map(async (orderId) => {
            const order = await customer.client.order.get.query({ orderId });
            reads += 1;
            const last = order.history.at(-1)?.status;
            if (order.status !== last) contradictions.push(`${orderId}: badge ${order.status}, history ends ${last}`);
            if (order.status !== 'PENDING_PAYMENT') unsettled.delete(orderId);
          }),
        );
      }
      expect(unsettled.size).toBe(0);
      expect(reads).toBeGreaterThan(orderCount);
      expect(contradictions).toEqual([]);
    },
    settleWithinMs + 30_000,
  );
});
