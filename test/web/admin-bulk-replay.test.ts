import { describe, expect, it } from 'vitest';
import { eventually, queryService } from '../support/customers.js';
import { deadLetteredOrder } from '../support/dead-lettered-order.js';
import { testStack } from '../support/stack.js';
import { timeouts } from './playwright.config.js';
import { newVisitor, useBrowser, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

describe('web console: a group replay is a job of the service', () => {
  const browser = useBrowser();

  it(
    'goes on to the end after the operator closes the page, and is recorded with its outcome',
    async () => {
      const first = await deadLetteredOrder('bulk-a', timeouts.saga);
      const second = await deadLetteredOrder('bulk-b', timeouts.saga);
      const admin = await newVisitor(browser());
      try {
        await signInThroughUi(admin.page, testStack().accounts.admin);
        await admin.page.goto(webUrl('/admin/dead-letters?service=payment'));
        const group = admin.page
          .locator('[data-testid="dead-letter-group"][data-service="payment"][data-topic="order.created"]')
          .filter({ hasText: 'simulated outage' });
        await group.getByTestId('replay-group').click();
        await admin.page.getByLabel('Rate').selectOption('5');
        await admin.page.getByTestId('confirm-dead-letter-action').click();
        await admin.page.getByTestId('group-action-progress').waitFor();
      } finally {
        // Gone before the job could have finished in a tab: at 5 a second it takes at least a step of two seconds.
        await admin.context.close();
      }
      for (const { orderId, customer } of [first, second]) {
        await eventually(
          async () => (await customer.client.order.get.query({ orderId })).status === 'CONFIRMED',
          timeouts.saga,
          'the replayed order confirmed',
        );
      }
      const [job] = await queryService<{ status: string; done: number; total: number; requested_by: string }>(
        'payment',
        `SELECT status, done, total, requested_by FROM dead_letter_bulk_action
         WHERE action = 'REPLAY' AND per_second = 5 ORDER BY created_at DESC LIMIT 1`,
      );
      await eventually(
        async () =>
          (await queryService<{ status: string }>('payment', "SELECT status FROM dead_letter_bulk_action WHERE per_second = 5 ORDER BY created_at DESC LIMIT 1"))[0]
            ?.status === 'DONE',
        timeouts.saga,
        'the bulk action done',
      );
      expect(job?.requested_by).toBe(testStack().accounts.admin.email);
      expect(job?.total).toBeGreaterThanOrEqual(2);
    },
    timeouts.test,
  );
});
