import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, newCustomer, orderInput, queryService, signInAdmin } from '../support/customers.js';
import { testStack } from '../support/stack.js';
import { timeouts } from './playwright.config.js';
import { screenshot, useVisitors, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

const ordersInOutage = 3;

/** Pending dead letters of the outage in payment's queue, as stored (what the group must count). */
async function pendingOutageLetters(): Promise<number> {
  const rows = await queryService<{ count: number }>(
    'payment',
    `SELECT count(*)::int AS count FROM dead_letter
     WHERE status = 'PENDING' AND original_topic = 'order.created' AND error_message LIKE '%simulated outage%'`,
  );
  return rows[0]?.count ?? 0;
}

/** Searches every dead letter through the filter form; resolves with the keys of the rows listed then. */
async function searchMessages(page: Page, field: string, text: string): Promise<string[]> {
  await page.goto(webUrl('/admin/dead-letters?view=messages&status=ANY'));
  await page.getByLabel(field).fill(text);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL((url) => [...url.searchParams.values()].includes(text));
  const rows = page.getByTestId('dead-letter-row');
  await expect.poll(() => rows.count(), { timeout: timeouts.step }).toBe(1);
  return rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-key') ?? ''));
}

const countOf = async (group: Locator) => Number(await group.getAttribute('data-count'));

describe('web console: dead letters grouped by kind of failure', () => {
  const openVisitor = useVisitors();

  it(
    'an outage makes one group whose count equals its dead letters; search finds a letter by order id and by header; replaying the group confirms the orders, and the order timeline shows its dead letter and the replay',
    async () => {
      const { client: adminApi } = await signInAdmin();
      const admin = await openVisitor();
      try {
        await adminApi.payment.setProviderOutage.mutate({ enabled: true });
        const customer = await newCustomer('grouped');
        const orderIds: string[] = [];
        for (let i = 0; i < ordersInOutage; i += 1) {
          orderIds.push((await customer.client.order.create.mutate(orderInput())).id);
        }
        await eventually(
          async () => {
            const rows = await queryService<{ count: number }>(
              'payment',
              `SELECT count(*)::int AS count FROM dead_letter WHERE message_key = ANY($1) AND status = 'PENDING'`,
              [orderIds],
            );
            return rows[0]?.count === ordersInOutage;
          },
          timeouts.saga,
          'every order of the outage dead-lettered in payment',
        );

        // The customer of a dead-lettered order is told the truth: slow, not charged, retried.
        const shopper = await openVisitor();
        await signInThroughUi(shopper.page, { email: customer.email, password: 'correct-horse-battery-1' });
        await shopper.page.goto(webUrl(`/orders/${orderIds[0]}`));
        const delayed = shopper.page.getByTestId('payment-delayed');
        await delayed.waitFor({ timeout: timeouts.saga });
        expect(await delayed.innerText()).toContain('has not been charged');
        expect(await shopper.page.getByTestId('order-status').first().getAttribute('data-status')).toBe('PENDING_PAYMENT');
        expect(shopper.pageErrors).toEqual([]);

        await signInThroughUi(admin.page, testStack().accounts.admin);
        await admin.page.goto(webUrl('/admin/dead-letters?service=payment'));
        const outageGroups = admin.page
          .locator('[data-testid="dead-letter-group"][data-service="payment"][data-topic="order.created"]')
          .filter({ hasText: 'simulated outage' });
        await outageGroups.first().waitFor();
        expect(await outageGroups.count()).toBe(1);
        const group = outageGroups.first();
        const stored = await pendingOutageLetters();
        expect(stored).toBeGreaterThanOrEqual(ordersInOutage);
        expect(await countOf(group)).toBe(stored);
        await screenshot(admin.page, 'admin-dead-letter-groups');

        // Drilling in lists exactly the group's letters, the outage's orders among them.
        await group.getByTestId('dead-letter-group-messages').click();
        await admin.page.getByTestId('dead-letter-group-scope').waitFor();
        const rows = admin.page.locator('[data-testid="dead-letter-row"][data-service="payment"]');
        for (const orderId of orderIds) {
          await admin.page.locator(`[data-testid="dead-letter-row"][data-key="${orderId}"]`).waitFor();
        }
        if (stored <= 50) expect(await rows.count()).toBe(stored);
        await screenshot(admin.page, 'admin-dead-letter-group-messages');

        // Search across every queue and status: by an order id (the key), and by a header's value.
        const [first, second] = orderIds as [string, string];
        expect(await searchMessages(admin.page, 'Key (order id)', first)).toEqual([first]);
        const [order] = await queryService<{ correlation_id: string }>(
          'order',
          'SELECT correlation_id FROM customer_order WHERE id = $1',
          [second],
        );
        expect(
          await searchMessages(admin.page, 'Header', `x-correlation-id=${order!.correlation_id}`),
        ).toEqual([second]);
        await screenshot(admin.page, 'admin-dead-letter-search');

        // The provider is back: one action replays the whole group, with its outcome counted.
        await adminApi.payment.setProviderOutage.mutate({ enabled: false });
        await admin.page.goto(webUrl('/admin/dead-letters?service=payment'));
        await group.getByTestId('replay-group').click();
        await admin.page.getByTestId('confirm-dead-letter-action').click();
        const outcome = admin.page.getByTestId('group-action-outcome');
        await outcome.waitFor({ timeout: timeouts.saga });
        expect(await outcome.innerText()).toContain(`Replayed ${stored} dead letters`);
        await eventually(
          async () => {
            const orders = await Promise.all(
              orderIds.map((orderId) => customer.client.order.get.query({ orderId })),
            );
            return orders.every((order) => order.status === 'CONFIRMED');
          },
          timeouts.saga,
          'every replayed order confirmed',
        );
        expect(await pendingOutageLetters()).toBe(0);
        await outageGroups.first().waitFor({ state: 'detached' });

        // The order's timeline shows its dead letter and the replay that rescued it, linked both ways.
        await admin.page.goto(webUrl(`/admin/orders/${first}`));
        const letter = admin.page.locator('[data-testid="saga-dead-letter"][data-service="payment"]');
        await letter.waitFor();
        expect(await letter.innerText()).toContain('simulated outage');
        const replayEntry = admin.page.locator(
          '[data-testid="saga-replay"][data-action="REPLAY"][data-outcome="APPLIED"]',
        );
        await replayEntry.waitFor({ timeout: timeouts.saga });
        expect(await replayEntry.innerText()).toContain(testStack().accounts.admin.email);
        const entries = await admin.page
          .getByTestId('saga-timeline')
          .locator(':scope > li')
          .evaluateAll((items) =>
            items.map((item) => item.getAttribute('data-type') ?? item.getAttribute('data-testid')),
          );
        // In the order things happened: created, dead-lettered, replayed, then paid and confirmed.
        expect(entries.indexOf('order.created')).toBeLessThan(entries.indexOf('saga-dead-letter'));
        expect(entries.indexOf('saga-dead-letter')).toBeLessThan(entries.indexOf('saga-replay'));
        expect(entries.indexOf('saga-replay')).toBeLessThan(entries.indexOf('payment.completed'));
        await screenshot(admin.page, 'admin-order-timeline-dead-letter');
        await letter.getByTestId('saga-dead-letter-link').click();
        await admin.page.waitForURL((url) => url.pathname.startsWith('/admin/dead-letters/payment/'));
        await admin.page.getByTestId('dead-letter-order-link').click();
        await admin.page.waitForURL((url) => url.pathname === `/admin/orders/${first}`);
        expect(admin.pageErrors).toEqual([]);
      } finally {
        await adminApi.payment.setProviderOutage.mutate({ enabled: false });
      }
    },
    timeouts.test,
  );
});
