// Issue 12's findings 3, 4 and 5 in a real browser against the running web app: the console's security headers and
// content security policy, where it sends people after signing in, and which API calls it accepts from whom.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../support/stack.js';
import { timeouts } from './playwright.config.js';
import { newVisitor, useBrowser, useVisitors, webUrl } from './support/browser.js';
import { orderThroughUi, registerThroughUi, signInThroughUi } from './support/web-flows.js';

/** Every CSP violation any page of the context reports, as the browser saw it. */
async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction('__reportCspViolation', (line: string) => violations.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
      void report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  return violations;
}

/** Opens a page and checks the headers its document came with; returns the page's heading for a sanity check. */
async function openPage(page: Page, pathname: string, expectedStatus = 200) {
  const response = await page.goto(webUrl(pathname));
  expect(response, pathname).not.toBeNull();
  const headers = response!.headers();
  expect(response!.status(), pathname).toBe(expectedStatus);
  const policy = headers['content-security-policy'] ?? '';
  expect(policy, pathname).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy, pathname).toContain("frame-ancestors 'none'");
  expect(policy, pathname).toContain("object-src 'none'");
  expect(policy, pathname).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options'], pathname).toBe('nosniff');
  expect(headers['x-frame-options'], pathname).toBe('DENY');
  expect(headers['referrer-policy'], pathname).toBe('same-origin');
  expect(headers['permissions-policy'], pathname).toContain('camera=()');
  // The stack serves plain http: HSTS there would be ignored at best.
  expect(headers['strict-transport-security'], pathname).toBeUndefined();
  // Scripts ran: the page hydrated (React attaches its root, and the skip link is interactive).
  await page.waitForFunction(() => Object.keys(document.getElementById('main') ?? {}).some((key) => key.startsWith('__react')));
  return policy;
}

describe('web console: security headers and content security policy', () => {
  const openVisitor = useVisitors();

  it(
    'every page loads with a nonce-based CSP, frame-ancestors none and the other headers, and no CSP violation',
    async () => {
      const admin = await openVisitor();
      const customer = await openVisitor();
      const violations = [
        ...(await watchCspViolations(admin.context)),
      ];
      const customerViolations = await watchCspViolations(customer.context);

      const nonces = new Set<string>();
      for (const pathname of ['/', '/sign-in', '/register', '/no-such-page'])
        nonces.add(await openPage(customer.page, pathname, pathname === '/no-such-page' ? 404 : 200));

      await registerThroughUi(customer.page, 'csp');
      const orderId = await orderThroughUi(customer.page, {
        dishes: { 'Pizza Margherita': 1 },
        card: 'Visa test card',
      });
      for (const pathname of ['/', '/checkout', '/orders', `/orders/${orderId}`, '/notifications'])
        nonces.add(await openPage(customer.page, pathname));
      await openPage(customer.page, '/admin/orders', 403);

      await signInThroughUi(admin.page, testStack().accounts.admin);
      for (const pathname of [
        '/admin/orders',
        `/admin/orders/${orderId}`,
        '/admin/payments',
        '/admin/notifications',
        '/admin/dead-letters',
        '/admin/system',
      ])
        nonces.add(await openPage(admin.page, pathname));

      // One nonce per response, never reused.
      expect(nonces.size).toBe(4 + 5 + 6);
      expect([...violations, ...customerViolations]).toEqual([]);
      expect([...admin.pageErrors, ...customer.pageErrors]).toEqual([]);
    },
    timeouts.test,
  );

  it(
    'another site cannot frame the console',
    async () => {
      const { page } = await openVisitor();
      const attacker = await serveHtml(`<iframe id="console" src="${webUrl('/sign-in')}"></iframe>`);
      try {
        // `load` waits for the frame too, whether it shows the console or the browser's error page.
        await page.goto(attacker.url, { waitUntil: 'load' });
        const framed = page.frames().find((frame) => frame !== page.mainFrame());
        expect(framed).toBeDefined();
        expect(framed!.url()).not.toBe(webUrl('/sign-in'));
        expect(await framed!.content().catch(() => '')).not.toContain('Sign in');
      } finally {
        await attacker.close();
      }
    },
    timeouts.test,
  );
});

// Finding 4 of issue 12: `/sign-in?callbackUrl=%2F%09%2Fevil.example%2F` sent a signed-in user to `//evil.example/`,
// and a newline answered 500.
describe('web console: where sign-in sends people', () => {
  const openVisitor = useVisitors();

  it(
    'a callback that is not a plain path of this site goes to the home page, never elsewhere and never a 500',
    async () => {
      const { page } = await openVisitor();
      const targets = ['%2F%09%2Fevil.example%2F', '%2F%0A%2Fx', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example'];

      // Signing in with such a callback.
      await signInThroughUi(page, testStack().accounts.customer, decodeURIComponent(targets[0]!));
      expect(new URL(page.url()).origin).toBe(new URL(webUrl('/')).origin);
      expect(new URL(page.url()).pathname).toBe('/');

      // Already signed in: the sign-in and register pages send the user on at once.
      for (const page_ of ['/sign-in', '/register']) {
        for (const target of targets) {
          const response = await page.goto(webUrl(`${page_}?callbackUrl=${target}`));
          expect(response?.status(), `${page_} ${target}`).toBeLessThan(500);
          const landed = new URL(page.url());
          expect(landed.origin, `${page_} ${target}`).toBe(new URL(webUrl('/')).origin);
          expect(landed.pathname, `${page_} ${target}`).toBe('/');
        }
      }
      // A proper path still works.
      await page.goto(webUrl(`/sign-in?callbackUrl=${encodeURIComponent('/orders?x=1')}`));
      expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe('/orders?x=1');
    },
    timeouts.test,
  );
});

/** A page on another origin (another port of the same host: same-site, so SameSite=Lax cookies still go along). */
async function serveHtml(html: string) {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Finding 5 of issue 12: a multipart form on another localhost port called notification.markRead with the victim's cookie.
describe("web console: the API accepts changes only as JSON from the console's own pages", () => {
  const browser = useBrowser();
  let visitor: Awaited<ReturnType<typeof newVisitor>>;
  const unread = async () => {
    const answer = await visitor.page.request.get(webUrl('/api/trpc/notification.unreadCount'));
    return ((await answer.json()) as { result: { data: { unread: number } } }).result.data.unread;
  };

  beforeAll(async () => {
    // One visitor for the whole block, opened before its tests and closed after them.
    visitor = await newVisitor(browser());
    await registerThroughUi(visitor.page, 'csrf');
    await orderThroughUi(visitor.page, { dishes: { 'Pizza Margherita': 1 }, card: 'Visa test card' });
    const deadline = Date.now() + timeouts.saga;
    while ((await unread()) === 0 && Date.now() < deadline) await visitor.page.waitForTimeout(250);
  }, timeouts.test);
  afterAll(async () => {
    await visitor?.context.close();
  });

  it(
    'a form posted from another origin, or JSON from it, changes nothing',
    async () => {
      const before = await unread();
      expect(before).toBeGreaterThan(0);
      const target = webUrl('/api/trpc/notification.markRead');
      const attacker = await serveHtml(`
        <form id="f" method="POST" enctype="multipart/form-data" action="${target}">
          <input name="json" value="{}">
        </form>
        <script>
          fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include',
            headers: { 'content-type': 'text/plain' }, body: '{}' }).finally(() => document.getElementById('f').submit());
        </script>`);
      try {
        const landed = visitor.page.waitForURL(target);
        await visitor.page.goto(attacker.url);
        await landed;
        expect(await visitor.page.content()).toContain('UNSUPPORTED_MEDIA_TYPE');
      } finally {
        await attacker.close();
      }
      const cookie = (await visitor.context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
      const post = (headers: Record<string, string>) =>
        fetch(target, { method: 'POST', headers: { cookie, ...headers }, body: '{}' });
      const json = { 'content-type': 'application/json' };
      expect((await post({ ...json, origin: 'http://127.0.0.1:1' })).status).toBe(403);
      expect((await post({ ...json, 'sec-fetch-site': 'same-site' })).status).toBe(403);
      expect((await post({ 'content-type': 'text/plain', origin: new URL(webUrl('/')).origin })).status).toBe(415);
      expect(await unread()).toBe(before);

      // The console's own call goes through.
      expect((await post({ ...json, origin: new URL(webUrl('/')).origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      expect(await unread()).toBe(0);
    },
    timeouts.test,
  );
});
