import { randomUUID } from 'node:crypto';
import { createKafkaClient, namespaced } from '@food/kafka-runtime';
import { createLogger } from '@food/service-kit';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from '../support/customers.js';
import { testStack } from '../support/stack.js';
import { timeouts } from './playwright.config.js';
import { screenshot, useVisitors, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

const sagaGroups = [
  'order',
  'order.dead-letters',
  'payment',
  'payment.dead-letters',
  'notification',
  'notification.dead-letters',
];

/**
 * What a stopped service leaves behind: a group with committed offsets and no members. Named under notification,
 * so its service lists it.
 */
async function leftoverGroup() {
  const stack = testStack();
  const kafka = createKafkaClient({
    clientId: 'system-page-test',
    brokers: stack.kafkaBrokers.split(','),
    logger: createLogger('test', { level: 'error' }),
  });
  const name = `notification.stopped-probe-${randomUUID().slice(0, 8)}`;
  const groupId = namespaced(stack.kafkaNamespace, name);
  const admin = kafka.admin();
  await admin.connect();
  await admin.setOffsets({
    groupId,
    topic: namespaced(stack.kafkaNamespace, 'order.confirmed'),
    partitions: [{ partition: 0, offset: '0' }],
  });
  return {
    name,
    remove: async () => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

describe('web console: System page', () => {
  const openVisitor = useVisitors();

  it(
    'lists every consumer group of the saga with its members, and marks a group nobody consumes in as stopped',
    async () => {
      const { client: adminApi } = await signInAdmin();
      expect((await adminApi.order.eventing.consumerGroups.query()).length).toBeGreaterThan(0);
      const leftover = await leftoverGroup();
      const admin = await openVisitor();
      try {
        await signInThroughUi(admin.page, testStack().accounts.admin);
        await admin.page.goto(webUrl('/admin/system'));
        const group = (name: string) =>
          admin.page.locator(`[data-testid="consumer-group"][data-group="${name}"]`);
        // Right after the stack starts a group may still be rebalancing: read the page again until every one has joined.
        await expect
          .poll(
            async () => {
              await admin.page.reload();
              const members = await Promise.all(
                sagaGroups.map(async (name) =>
                  Number(
                    await group(name)
                      .getAttribute('data-members', { timeout: 2000 })
                      .catch(() => 0),
                  ),
                ),
              );
              return members.every((count) => count >= 1);
            },
            { timeout: timeouts.saga, interval: 1000 },
          )
          .toBe(true);
        for (const name of sagaGroups) {
          await expect
            .poll(() => group(name).getByTestId('consumer-group-member').count())
            .toBeGreaterThan(0);
          expect(await group(name).getAttribute('data-mark')).not.toBe('stopped');
        }
        const stopped = group(leftover.name);
        expect(await stopped.getAttribute('data-members')).toBe('0');
        expect(await stopped.getAttribute('data-mark')).toBe('stopped');
        await expect
          .poll(() => stopped.textContent())
          .toContain('No consumer is running in this group');
        await screenshot(admin.page, 'admin-system-consumer-groups');
      } finally {
        await leftover.remove();
      }
    },
    timeouts.test,
  );
});
