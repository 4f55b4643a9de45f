import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { browserLaunchOptions, screenshotDir, timeouts, viewport } from '../playwright.config.js';
import { stackUrl } from '../../support/stack.js';

export const webUrl = (pathname = '/') => new URL(pathname, stackUrl('web')).toString();

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(browserLaunchOptions);
}

/** One browser for the enclosing describe block: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page (a crash in a component shows up here). */
  pageErrors: string[];
}

/** A fresh browser profile (own cookies), as one person at one desk. */
export async function newVisitor(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Visitor> {
  const context = await browser.newContext({
    viewport: options.viewport ?? viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(timeouts.step);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/**
 * The enclosing describe block's browser (useBrowser) and a way to open visitors on it: every visitor a test opens
 * is closed after that test, whether it passed or not.
 */
export function useVisitors(): (options?: Parameters<typeof newVisitor>[1]) => Promise<Visitor> {
  const browser = useBrowser();
  const opened: Visitor[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((visitor) => visitor.context.close()));
  });
  return async (options) => {
    const visitor = await newVisitor(browser(), options);
    opened.push(visitor);
    return visitor;
  };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The encrypted, httpOnly session cookie next-auth keeps the tokens in (never readable by page scripts). */
export async function sessionCookie(context: BrowserContext) {
  const cookies = await context.cookies();
  return cookies.find((cookie) => /(^|\.)next-auth\.session-token(\.\d+)?$/.test(cookie.name));
}

/** Marks the document; if the page ever reloads, the mark is gone. */
export async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

export async function isSameDocument(page: Page) {
  return page.evaluate(
    () => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
  );
}
