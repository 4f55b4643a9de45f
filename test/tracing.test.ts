import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventually, newCustomer, orderInput } from './support/customers.js';
import { gatewayTrpcUrl, testStack } from './support/stack.js';

interface SinkSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
}

describe('tracing across HTTP and Kafka', () => {
  it("one order's saga is one trace: spans from gateway, order, payment and notification share its trace id", async () => {
    const sink = testStack().spanSinkUrl;
    if (!sink) throw new Error('the test stack has no span sink');
    const customer = await newCustomer('traced');
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${gatewayTrpcUrl()}/order.create`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await customer.session.accessToken()}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify(orderInput()),
    });
    expect(response.status).toBe(200);

    const spans = await eventually(
      async () => {
        const found = (await (await fetch(`${sink}/spans?traceId=${traceId}`)).json()) as SinkSpan[];
        const services = new Set(found.map((span) => span.service));
        return ['gateway', 'order', 'payment', 'notification'].every((service) => services.has(service)) &&
          found.some((span) => span.service === 'notification' && span.name.includes('order.confirmed')) &&
          found;
      },
      30_000,
      'spans of every service in the trace',
    );
    const names = spans.map((span) => `${span.service}: ${span.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'gateway: gateway /trpc/order.create',
        'order: order.create',
        'order: publish order.created',
        'payment: payment process order.created',
        'order: order process payment.completed',
        'notification: notification process order.confirmed',
      ]),
    );
    // Every span but the first hangs off another span of the same trace: one tree, not fragments.
    const ids = new Set(spans.map((span) => span.spanId));
    const orphans = spans.filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId));
    expect(orphans.map((span) => span.name)).toEqual(['gateway /trpc/order.create']);
  });
});
