import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newCustomer, orderInput } from '../support/customers.js';
import { timeouts } from './playwright.config.js';
import { useVisitors, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

const orderCount = 20;
const tabs = 4;

interface Sample {
  badge: string | null;
  latest: string | null;
}

/** The badge and the history's latest status as the page shows them at one instant (read in one script run). */
function sample(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const badge = document.querySelector('[data-testid="order-status"]')?.getAttribute('data-status') ?? null;
    const entries = document.querySelectorAll('[data-testid="order-history-entry"]');
    const latest = entries.length ? (entries[entries.length - 1]?.getAttribute('data-status') ?? null) : null;
    return { badge, latest };
  });
}

describe('customer order page under load', () => {
  const openVisitor = useVisitors();

  it(
    `${orderCount} orders placed while their pages are open: the badge never contradicts the history`,
    async () => {
      const customer = await newCustomer('consistency');
      const visitor = await openVisitor();
      await signInThroughUi(visitor.page, { email: customer.email, password: 'correct-horse-battery-1' });
      const pages = [visitor.page, ...(await Promise.all(Array.from({ length: tabs - 1 }, () => visitor.context.newPage())))];
      // Placed one after another in the background while the tabs follow them.
      const orderIds: string[] = [];
      const placing = (async () => {
        for (let i = 0; i < orderCount; i += 1) orderIds.push((await customer.client.order.create.mutate(orderInput())).id);
      })();
      const contradictions: string[] = [];
      let samples = 0;
      // Each tab takes the next order not yet followed, samples its page until it settles, then takes another.
      let next = 0;
      const follow = async (page: Page) => {
        for (;;) {
          while (next >= orderIds.length && next < orderCount) await new Promise((resolve) => setTimeout(resolve, 50));
          if (next >= orderCount) return;
          const orderId = orderIds[next]!;
          next += 1;
          await page.goto(webUrl(`/orders/${orderId}`));
          await page.getByTestId('order-status').waitFor();
          const deadline = Date.now() + timeouts.saga;
          for (;;) {
            const seen = await sample(page);
            samples += 1;
            if (seen.badge !== seen.latest) contradictions.push(`${orderId}: badge ${seen.badge}, history ${seen.latest}`);
            if (seen.badge !== 'PENDING_PAYMENT' && seen.badge === seen.latest) break;
            if (Date.now() > deadline) throw new Error(`order ${orderId} did not settle on its page`);
            await page.waitForTimeout(100);
          }
        }
      };
      await Promise.all([placing, ...pages.map(follow)]);
      expect(contradictions).toEqual([]);
      expect(samples).toBeGreaterThanOrEqual(orderCount);
      expect(visitor.pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
