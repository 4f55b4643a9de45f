import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { webUrl } from './browser.js';

export interface Account {
  email: string;
  password: string;
}

/** Registers a new customer through the register page; they are signed in afterwards. */
export async function registerThroughUi(
  page: Page,
  label: string,
): Promise<Account & { name: string }> {
  const account = {
    name: `Web ${label}`,
    email: `web-${label}-${randomUUID().slice(0, 8)}@example.test`,
    password: 'correct-horse-battery-1',
  };
  await page.goto(webUrl('/register'));
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('account-name').waitFor();
  return account;
}

/** Signs in through the sign-in page and waits until the app shows who is signed in. */
export async function signInThroughUi(page: Page, account: Account, callbackPath?: string) {
  await page.goto(
    webUrl(callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : '/sign-in'),
  );
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Attached, not visible: a phone-wide header hides the name behind the account menu.
  await page.getByTestId('account-name').waitFor({ state: 'attached' });
}

export interface CheckoutChoice {
  /** Dish names and how many of each, from Trattoria Roma (the first restaurant). */
  dishes: Record<string, number>;
  card: 'Visa test card' | 'Declined test card';
}

/** Fills the cart from the menu, checks out and places the order (double-clicking, as an impatient person would). */
export async function orderThroughUi(page: Page, choice: CheckoutChoice): Promise<string> {
  await page.goto(webUrl('/'));
  await page.getByRole('button', { name: 'Trattoria Roma' }).click();
  for (const [dish, quantity] of Object.entries(choice.dishes)) {
    for (let i = 0; i < quantity; i += 1)
      await page.getByRole('button', { name: `Add ${dish} to cart` }).click();
  }
  await page.getByTestId('checkout-link').click();
  await page.waitForURL((url) => url.pathname === '/checkout');
  await page.getByLabel('Delivery address').fill('12 Test Street, 10115 Testville');
  await page.getByLabel(choice.card).check();
  await page.getByTestId('place-order').dblclick();
  await page.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname));
  return new URL(page.url()).pathname.split('/').at(-1)!;
}
