import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAdmin } from '../support/customers.js';
import { testStack } from '../support/stack.js';
import { timeouts } from './playwright.config.js';
import { screenshot, useVisitors, webUrl } from './support/browser.js';
import { orderThroughUi, registerThroughUi, signInThroughUi } from './support/web-flows.js';

async function switchOutage(page: Page, on: boolean) {
  await page.goto(webUrl('/admin/payments'));
  const toggle = page.getByTestId('outage-switch');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await page.locator(`[data-testid="outage-switch"][aria-checked="${on}"]`).waitFor();
}

describe('web console: an admin recovers from a payment provider outage', () => {
  const openVisitor = useVisitors();

  it(
    'outage on, an order dead-letters in payment; outage off, a replay from the console confirms it and is recorded',
    async () => {
      const admin = await openVisitor();
      const customer = await openVisitor();
      try {
        await signInThroughUi(admin.page, testStack().accounts.admin);
        expect(new URL(admin.page.url()).pathname).toBe('/admin/orders');
        await switchOutage(admin.page, true);
        await screenshot(admin.page, 'admin-payments-outage');

        await registerThroughUi(customer.page, 'outage');
        const orderId = await orderThroughUi(customer.page, {
          dishes: { 'Spaghetti Carbonara': 1 },
          card: 'Visa test card',
        });

        // The dead letter appears in the one view over all queues (it refetches by itself).
        await admin.page.goto(webUrl('/admin/dead-letters?view=messages&service=payment&topic=order.created'));
        const row = admin.page.locator(
          `[data-testid="dead-letter-row"][data-service="payment"][data-key="${orderId}"]`,
        );
        await row.waitFor({ timeout: timeouts.saga });
        expect(await row.innerText()).toContain('simulated outage');
        await screenshot(admin.page, 'admin-dead-letters');
        expect(
          await customer.page
            .locator('[data-testid="order-status"]')
            .first()
            .getAttribute('data-status'),
        ).toBe('PENDING_PAYMENT');

        await switchOutage(admin.page, false);
        await admin.page.goto(webUrl('/admin/dead-letters?view=messages&service=payment&topic=order.created'));
        await row.getByRole('link', { name: /Details/ }).click();
        await admin.page.waitForURL((url) =>
          url.pathname.startsWith('/admin/dead-letters/payment/'),
        );
        await admin.page.getByTestId('replay-dead-letter').click();
        const replayEntry = admin.page.locator(
          '[data-testid="replay-history-entry"][data-action="REPLAY"]',
        );
        await replayEntry.waitFor();
        expect(await replayEntry.innerText()).toContain(testStack().accounts.admin.email);
        await admin.page
          .locator('[data-testid="dead-letter-status"][data-status="REPLAYED"]')
          .waitFor();
        await screenshot(admin.page, 'admin-dead-letter-replayed');

        // The replayed order.created is charged: the saga confirms the order, for the admin and the customer.
        await admin.page.getByTestId('dead-letter-order-link').click();
        await admin.page
          .locator('[data-testid="order-status"][data-status="CONFIRMED"]')
          .first()
          .waitFor({ timeout: timeouts.saga });
        await admin.page
          .locator('[data-testid="saga-event"][data-type="payment.completed"]')
          .waitFor();
        await screenshot(admin.page, 'admin-order-saga');
        await customer.page
          .locator('[data-testid="order-status"][data-status="CONFIRMED"]')
          .first()
          .waitFor({ timeout: timeouts.saga });

        // The list follows: the letter is no longer pending.
        await admin.page.goto(
          webUrl('/admin/dead-letters?view=messages&service=payment&topic=order.created&status=ANY'),
        );
        await admin.page
          .locator(
            `[data-testid="dead-letter-row"][data-key="${orderId}"] [data-status="REPLAYED"]`,
          )
          .waitFor();

        for (const [pathname, name, content] of [
          ['/admin/orders', 'admin-orders', 'admin-order-row'],
          ['/admin/notifications', 'admin-notifications', 'admin-notification-row'],
          ['/admin/system', 'admin-system', 'dlq-depth'],
        ] as const) {
          await admin.page.goto(webUrl(pathname));
          await admin.page.getByTestId(content).first().waitFor();
          await screenshot(admin.page, name);
        }
        expect(await admin.page.getByTestId('dlq-depth').count()).toBe(3);

        expect(admin.pageErrors).toEqual([]);
        expect(customer.pageErrors).toEqual([]);
      } finally {
        // Whatever happened above, the provider must not stay down for the tests that follow.
        const { client } = await signInAdmin();
        await client.payment.setProviderOutage.mutate({ enabled: false });
      }
    },
    timeouts.test,
  );
});
