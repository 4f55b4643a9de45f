import { describe, expect, it } from 'vitest';
import { newCustomer } from '../support/customers.js';
import { timeouts } from './playwright.config.js';
import { useVisitors, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

/** The browser's calls for the customer's order list (a batch may carry other order calls with it). */
const isOrderListCall = (url: URL) => url.pathname.startsWith('/api/trpc/') && url.pathname.includes('order.list');

describe('web console: a request that hangs', () => {
  const openVisitor = useVisitors();

  it(
    'ends in a clear message instead of a spinner, and Try again loads the page once the network answers',
    async () => {
      const customer = await newCustomer('timeout');
      const visitor = await openVisitor();
      await signInThroughUi(visitor.page, { email: customer.email, password: 'correct-horse-battery-1' });
      // The request reaches nobody: no answer, no error, as with a server that stopped answering.
      let held = 0;
      await visitor.page.route(isOrderListCall, () => {
        held += 1;
      });
      await visitor.page.goto(webUrl('/orders'));
      const notice = visitor.page.getByRole('alert').filter({ hasText: 'Your orders could not be loaded' });
      await notice.waitFor({ timeout: timeouts.saga });
      expect(await notice.textContent()).toContain('did not answer within');
      expect(held).toBeGreaterThan(0);

      await visitor.page.unrouteAll({ behavior: 'ignoreErrors' });
      await notice.getByRole('button', { name: 'Try again' }).click();
      await visitor.page.getByText('No orders yet').waitFor();
      expect(await notice.count()).toBe(0);
      expect(visitor.pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
