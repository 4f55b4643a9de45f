import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryService } from '../support/customers.js';
import { timeouts } from './playwright.config.js';
import { useVisitors, webUrl } from './support/browser.js';
import { registerThroughUi } from './support/web-flows.js';

async function fillCheckout(page: Page) {
  await page.goto(webUrl('/'));
  await page.getByRole('button', { name: 'Trattoria Roma' }).click();
  await page.getByRole('button', { name: 'Add Spaghetti Carbonara to cart' }).click();
  await page.getByTestId('checkout-link').click();
  await page.waitForURL((url) => url.pathname === '/checkout');
  await page.getByLabel('Delivery address').fill('7 Reload Lane, 10115 Testville');
}

describe('web console: checkout that survives reloads and lost answers', () => {
  const openVisitor = useVisitors();

  it(
    'a reload keeps cart, address and card; a lost answer is checked by the idempotency key; one toast per event',
    async () => {
      const visitor = await openVisitor();
      const { page } = visitor;
      await registerThroughUi(page, 'checkout');
      await fillCheckout(page);
      await page.getByLabel('Declined test card').check();
      await page.reload();
      await expect.poll(() => page.getByLabel('Delivery address').inputValue()).toBe('7 Reload Lane, 10115 Testville');
      expect(await page.getByLabel('Declined test card').isChecked()).toBe(true);
      expect(await page.getByText('Spaghetti Carbonara').count()).toBeGreaterThan(0);
      await page.getByLabel('Visa test card').check();

      // The request never reaches the shop: after checking, the page says nothing was ordered.
      await page.route('**/api/trpc/order.create**', (route) => route.abort('failed'));
      await page.getByTestId('place-order').click();
      const outcome = page.getByTestId('checkout-outcome');
      await expect.poll(() => outcome.innerText()).toContain('nothing was ordered');
      await page.unroute('**/api/trpc/order.create**');

      // The shop creates the order but its answer is lost: the page finds the order by its key and goes to it.
      await page.route('**/api/trpc/order.create**', async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      });
      await page.getByTestId('place-order').click();
      await page.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: timeouts.saga });
      await page.unroute('**/api/trpc/order.create**');
      const orderId = new URL(page.url()).pathname.split('/').at(-1)!;
      const [placed] = await queryService<{ user_id: string; delivery_address: string }>(
        'order',
        'SELECT user_id, delivery_address FROM customer_order WHERE id = $1',
        [orderId],
      );
      expect(placed?.delivery_address).toBe('7 Reload Lane, 10115 Testville');
      const all = await queryService<{ count: number }>(
        'order',
        'SELECT count(*)::int AS count FROM customer_order WHERE user_id = $1',
        [placed!.user_id],
      );
      expect(all[0]?.count).toBe(1);

      // The confirmation arrives once: one notification, one toast.
      await page.locator('[data-testid="order-status"][data-status="CONFIRMED"]').first().waitFor({ timeout: timeouts.saga });
      await page.getByTestId('toast').first().waitFor({ timeout: timeouts.saga });
      const notifications = await queryService<{ count: number }>(
        'notification',
        'SELECT count(*)::int AS count FROM notification WHERE order_id = $1',
        [orderId],
      );
      expect(notifications[0]?.count).toBe(1);
      expect(await page.getByTestId('toast').count()).toBe(1);
      expect(visitor.pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
