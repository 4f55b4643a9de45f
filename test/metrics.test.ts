import { randomUUID } from 'node:crypto';
import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import { describe, expect, it } from 'vitest';
import { eventually } from './support/customers.js';
import { asGateway, stackUrl, testStack } from './support/stack.js';

async function scrape(process: string): Promise<string> {
  const response = await fetch(`${stackUrl(process)}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The sum of a metric's samples whose labels include all of `labels`. */
function sampleSum(text: string, name: string, labels: Record<string, string>): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

const eventingMetrics = [
  'events_consumed_total',
  'events_dead_lettered_total',
  'event_retries_total',
  'events_published_total',
  'outbox_backlog',
  'outbox_oldest_age_seconds',
  'consumer_lag',
  'dead_letters_pending',
];

describe('Prometheus metrics', () => {
  it.each(['order', 'payment', 'notification'])('%s exposes request, event, outbox and lag metrics', async (service) => {
    await fetch(`${stackUrl(service)}/trpc/${service}.health`);
    const text = await scrape(service);
    for (const name of ['http_requests_total', 'http_request_duration_seconds', ...eventingMetrics]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(sampleSum(text, 'http_requests_total', { procedure: `${service}.health`, status: '200' })).toBeGreaterThan(0);
    expect(text).toMatch(/^outbox_backlog \d+/m);
  });

  it('the gateway exposes request metrics and rate-limit rejections', async () => {
    const text = await scrape('gateway');
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toContain('# TYPE rate_limit_rejections_total counter');
  });

  // Finding 2 of issue 12: each unknown procedure name added series to every service's metrics, never freed.
  it('unknown procedure names, anonymous or not, through the gateway or straight at a service, add no series', async () => {
    const name = `probe${randomUUID().replaceAll('-', '')}`;
    const gateway = stackUrl('gateway');
    const order = stackUrl('order');
    for (const url of [
      `${gateway}/trpc/order.${name}`,
      `${gateway}/trpc/${name}.x`,
      `${gateway}/${name}`,
      `${order}/trpc/order.${name}`,
      `${order}/trpc/${name}.x,order.list`,
    ]) {
      expect((await fetch(url)).status).toBeGreaterThanOrEqual(400);
    }
    expect((await fetch(`${order}/trpc/order.${name}`, { headers: asGateway() })).status).toBe(404);
    for (const process of ['gateway', 'order']) {
      const text = await scrape(process);
      expect(text, process).not.toContain(name);
      expect(text, process).toMatch(/http_requests_total\{procedure="unknown",status="4\d\d"\} \d+/);
    }
  });

  it('the dead-letter counter rises when a message is dead-lettered', async () => {
    const instances = ['payment', 'payment-2'];
    const deadLettered = async () => {
      const texts = await Promise.all(instances.map(scrape));
      return texts.reduce((sum, text) => sum + sampleSum(text, 'events_dead_lettered_total', { topic: 'order.created', error_class: 'NOT_JSON' }), 0);
    };
    const before = await deadLettered();
    const stack = testStack();
    const kafka = createKafkaClient({ clientId: 'metrics-test', brokers: stack.kafkaBrokers.split(','), logger: createLogger('test', { level: 'error' }) });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: namespaced(stack.kafkaNamespace, 'order.created'), messages: [{ key: 'metrics-test', value: 'not json' }] });
    await producer.disconnect();
    await eventually(async () => (await deadLettered()) === before + 1, 20_000, 'the dead-letter counter to rise by one');
  });
});
