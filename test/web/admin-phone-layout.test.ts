import { describe, expect, it } from 'vitest';
import { eventually } from '../support/customers.js';
import { deadLetteredOrder } from '../support/dead-lettered-order.js';
import { testStack } from '../support/stack.js';
import { phoneViewport, timeouts } from './playwright.config.js';
import { screenshot, useVisitors, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

/** An order dead-lettered in payment (the provider was down), replayed and confirmed, so every page has content. */
async function orderWithDeadLetter(): Promise<{ orderId: string; deadLetterId: string; email: string }> {
  const { orderId, deadLetterId, customer, adminApi } = await deadLetteredOrder('phone', timeouts.saga);
  await adminApi.payment.deadLetters.replay.mutate({ id: deadLetterId });
  await eventually(
    async () => (await customer.client.order.get.query({ orderId })).status === 'CONFIRMED',
    timeouts.saga,
    'the replayed order confirmed',
  );
  return { orderId, deadLetterId, email: customer.email };
}

describe('web console on a 375 px phone', () => {
  const openVisitor = useVisitors();

  it(
    'every admin page fits the screen: no horizontal page scroll (tables scroll inside themselves); customers shown by name and email',
    async () => {
      const { orderId, deadLetterId, email } = await orderWithDeadLetter();
      const admin = await openVisitor({ viewport: phoneViewport });
      await signInThroughUi(admin.page, testStack().accounts.admin);
      const pages: Array<[name: string, pathname: string, content: string]> = [
        ['orders', '/admin/orders', 'admin-order-row'],
        ['order', `/admin/orders/${orderId}`, 'saga-timeline'],
        ['dead-letter-groups', '/admin/dead-letters?status=ANY', 'dead-letter-group'],
        ['dead-letter-messages', '/admin/dead-letters?view=messages&status=ANY', 'dead-letter-row'],
        ['dead-letter', `/admin/dead-letters/payment/${deadLetterId}`, 'dead-letter-status'],
        ['payments', '/admin/payments', 'outage-switch'],
        ['notifications', '/admin/notifications', 'admin-notification-row'],
        ['system', '/admin/system', 'dlq-depth'],
      ];
      const overflowing: string[] = [];
      for (const [name, pathname, content] of pages) {
        await admin.page.goto(webUrl(pathname));
        await admin.page.getByTestId(content).first().waitFor();
        const widths = await admin.page.evaluate(() => {
          const screen = document.documentElement.clientWidth;
          // The outermost element past the right edge, to name in the failure.
          const culprit = [...document.body.querySelectorAll('*')].find(
            (element) => element.getBoundingClientRect().right > screen + 1,
          );
          return {
            page: document.documentElement.scrollWidth,
            screen,
            culprit: culprit ? `${culprit.tagName.toLowerCase()}.${culprit.className}` : '',
          };
        });
        await screenshot(admin.page, `phone-admin-${name}`);
        if (widths.page > widths.screen) {
          overflowing.push(`${pathname}: ${widths.page} px wide (first past the edge: ${widths.culprit})`);
        }
      }
      expect(overflowing).toEqual([]);

      // Admin views name the customer (name and email), not a short id.
      await admin.page.goto(webUrl(`/admin/orders/${orderId}`));
      await expect
        .poll(() => admin.page.getByTestId('customer-name').first().innerText(), { timeout: timeouts.step })
        .toContain(email);
      expect(await admin.page.getByTestId('customer-name').first().innerText()).toContain('Test phone');
      expect(admin.pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
