import path from 'node:path';
import type { LaunchOptions } from 'playwright-core';

/**
 * How the web tests drive a browser. Only playwright-core is installed (no @playwright/test), so these tests run
 * under vitest like the rest of the suite and launch the system's Debian chromium themselves.
 */
export const browserLaunchOptions: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

/** Screenshots of each main page, for people reviewing a run (ignored by git with the rest of .local/). */
export const screenshotDir = path.resolve(
  import.meta.dirname,
  '../../.local/test-results/screenshots',
);

export const viewport = { width: 1280, height: 900 };
export const phoneViewport = { width: 375, height: 812 };

/** How long one UI step may take, and how long the saga may take to settle an order. */
export const timeouts = { step: 15_000, saga: 45_000, test: 150_000 };
