import { describe, expect, it } from 'vitest';
import { testStack } from '../support/stack.js';
import { phoneViewport, timeouts } from './playwright.config.js';
import { screenshot, useVisitors, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

describe('web console: who may open what', () => {
  const openVisitor = useVisitors();

  it(
    'a signed-out visitor who opens a private page is sent to sign in, and comes back there afterwards',
    async () => {
      const { page } = await openVisitor();
      for (const pathname of ['/admin/dead-letters', '/orders', '/checkout']) {
        await page.goto(webUrl(pathname));
        const url = new URL(page.url());
        expect(url.pathname).toBe('/sign-in');
        expect(url.searchParams.get('callbackUrl')).toBe(pathname);
      }
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await screenshot(page, 'sign-in');

      // A wrong password is refused with a clear message, in place.
      await page.getByLabel('Email').fill(testStack().accounts.customer.email);
      await page.getByLabel('Password').fill('not-the-password-1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect(await page.getByTestId('auth-error').innerText()).toContain('do not match an account');

      await page.getByLabel('Password').fill(testStack().accounts.customer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/checkout');
    },
    timeouts.test,
  );

  it(
    'a customer who opens an admin page gets the 403 page, and admin calls through the web app are refused',
    async () => {
      const { page, pageErrors } = await openVisitor();
      await signInThroughUi(page, testStack().accounts.customer);
      const response = await page.goto(webUrl('/admin/orders'));
      expect(response?.status()).toBe(403);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        'This page is for administrators',
      );
      await screenshot(page, 'forbidden');

      // The BFF forwards the customer's own token: the service refuses the admin procedure.
      const call = await page.request.get(
        webUrl(`/api/trpc/order.adminList?input=${encodeURIComponent(JSON.stringify({}))}`),
      );
      expect(call.status()).toBe(403);
      expect((await call.json()) as unknown).toMatchObject({
        error: { data: { code: 'FORBIDDEN' } },
      });

      // The customer's own pages work at phone width.
      await page.setViewportSize(phoneViewport);
      await page.goto(webUrl('/'));
      await page.getByTestId('menu-item').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        phoneViewport.width,
      );
      await screenshot(page, 'menu-phone');

      expect(pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
