import { describe, expect, it } from 'vitest';
import { timeouts } from './playwright.config.js';
import { isSameDocument, markDocument, screenshot, useVisitors, webUrl } from './support/browser.js';
import { orderThroughUi, registerThroughUi } from './support/web-flows.js';

describe('web console: a customer orders', () => {
  const openVisitor = useVisitors();

  it(
    'a new customer registers, orders, and sees the order confirmed and a notification arrive without reloading',
    async () => {
      const { page, pageErrors } = await openVisitor();
      await registerThroughUi(page, 'happy');
      await screenshot(page, 'menu');

      const orderId = await orderThroughUi(page, {
        dishes: { 'Pizza Margherita': 2, Tiramisu: 1 },
        card: 'Visa test card',
      });
      await markDocument(page);
      await screenshot(page, 'order-pending');

      await page
        .locator('[data-testid="order-status"][data-status="CONFIRMED"]')
        .first()
        .waitFor({ timeout: timeouts.saga });
      await page.getByTestId('unread-count').waitFor({ timeout: timeouts.saga });
      expect(Number(await page.getByTestId('unread-count').innerText())).toBeGreaterThanOrEqual(1);
      expect(await isSameDocument(page), 'the page reloaded instead of updating live').toBe(true);
      await expect.poll(() => page.getByText('€25.50').count()).toBeGreaterThan(0);
      await screenshot(page, 'order-confirmed');

      // The bell leads to the list, still without a reload; the confirmation is there, unread.
      await page.getByTestId('notification-bell').click();
      await page.waitForURL((url) => url.pathname === '/notifications');
      // The order's one notification (its outcome) is there before marking it read.
      await page.locator('[data-testid="notification"][data-kind="ORDER_CONFIRMED"]').waitFor();
      expect(await isSameDocument(page)).toBe(true);
      await screenshot(page, 'notifications');
      await page.getByTestId('mark-all-read').click();
      await page.getByTestId('unread-count').waitFor({ state: 'detached' });

      // Double-clicking "Place order" made one order.
      await page.goto(webUrl('/orders'));
      await page.getByTestId('order-card').first().waitFor();
      expect(
        await page
          .getByTestId('order-card')
          .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-order-id'))),
      ).toEqual([orderId]);
      await screenshot(page, 'my-orders');

      expect(pageErrors).toEqual([]);
    },
    timeouts.test,
  );

  it(
    'a declined payment: the order turns cancelled and the page says why',
    async () => {
      const { page, pageErrors } = await openVisitor();
      await registerThroughUi(page, 'declined');
      await orderThroughUi(page, { dishes: { 'Pizza Diavola': 1 }, card: 'Declined test card' });
      await markDocument(page);

      await page
        .locator('[data-testid="order-status"][data-status="CANCELLED"]')
        .first()
        .waitFor({ timeout: timeouts.saga });
      expect(await page.getByTestId('cancellation-reason').innerText()).toBe('Card declined');
      expect(await page.getByTestId('cancellation-message').innerText()).toContain(
        'Your card was declined by the bank.',
      );
      expect(await page.getByTestId('order-history').innerText()).toContain('Cancelled');
      expect(await isSameDocument(page)).toBe(true);
      await screenshot(page, 'order-cancelled');

      expect(pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
