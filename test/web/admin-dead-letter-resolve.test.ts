import { describe, expect, it } from 'vitest';
import { queryService } from '../support/customers.js';
import { deadLetteredOrder } from '../support/dead-lettered-order.js';
import { testStack } from '../support/stack.js';
import { timeouts } from './playwright.config.js';
import { screenshot, useVisitors, webUrl } from './support/browser.js';
import { signInThroughUi } from './support/web-flows.js';

describe('web console: a dead letter resolved without replay', () => {
  const openVisitor = useVisitors();

  it(
    'records who resolved it, when and why, shows it on its page, and the list and groups find it by status',
    async () => {
      const { orderId, deadLetterId } = await deadLetteredOrder('resolve', timeouts.saga);
      const admin = await openVisitor();
      const account = testStack().accounts.admin;
      await signInThroughUi(admin.page, account);
      await admin.page.goto(webUrl(`/admin/dead-letters/payment/${deadLetterId}`));
      await admin.page.getByTestId('resolve-dead-letter').click();
      await admin.page.getByLabel('Note').fill('Customer paid at the counter');
      await admin.page.getByTestId('confirm-dead-letter-action').click();

      await admin.page.locator('[data-testid="dead-letter-status"][data-status="RESOLVED"]').waitFor();
      const resolution = admin.page.getByTestId('dead-letter-resolution');
      await resolution.waitFor();
      expect(await resolution.innerText()).toContain(account.email);
      expect(await resolution.innerText()).toContain('Customer paid at the counter');
      const entry = admin.page.locator('[data-testid="replay-history-entry"][data-action="RESOLVE"]');
      expect(await entry.innerText()).toContain(account.email);
      // Nothing was sent again: resolving is not a replay.
      expect(await admin.page.getByTestId('replay-dead-letter').isDisabled()).toBe(true);
      const [stored] = await queryService<{ status: string; replays: number }>(
        'payment',
        `SELECT status, (SELECT count(*)::int FROM dead_letter_replay WHERE dead_letter_id = $1::uuid AND action = 'REPLAY') AS replays
         FROM dead_letter WHERE id = $1::uuid`,
        [deadLetterId],
      );
      expect(stored).toEqual({ status: 'RESOLVED', replays: 0 });
      await screenshot(admin.page, 'admin-dead-letter-resolved');

      // Not pending any more; the list filtered by status Resolved shows it.
      await admin.page.goto(webUrl(`/admin/dead-letters?view=messages&key=${orderId}`));
      await admin.page.getByText('No dead letters waiting').waitFor();
      await admin.page.getByLabel('Status').selectOption('RESOLVED');
      await admin.page.getByRole('button', { name: 'Apply' }).click();
      const row = admin.page.locator(`[data-testid="dead-letter-row"][data-key="${orderId}"]`);
      await row.waitFor();
      expect(await row.locator('[data-testid="dead-letter-status"]').getAttribute('data-status')).toBe('RESOLVED');

      // And the groups view, filtered the same way, counts it in its group.
      await admin.page.goto(webUrl(`/admin/dead-letters?status=RESOLVED&key=${orderId}`));
      const group = admin.page.locator('[data-testid="dead-letter-group"][data-service="payment"]');
      await group.waitFor();
      expect(await group.getAttribute('data-count')).toBe('1');
      expect(await group.innerText()).toContain('Resolved');
      expect(admin.pageErrors).toEqual([]);
    },
    timeouts.test,
  );
});
