import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';
import { createForwardingFixture } from './fixtures-forwarding';
import { localDayKey } from '../lib/domain/time';

const fx = fixturePerFile(createUiFixture);
// Registered after fx: its beforeAll runs once fx is filled in.
const fwd = fixturePerFile(() => createForwardingFixture(fx.runId, fx.facilityA.stations[0]!));

const today = () => localDayKey(new Date());

test('an admin sees the forwarding page: the target with its health and the reconciliation of a station', async ({ page }) => {
  await login(page, fx.admin);
  await page.locator('.shell-nav').getByRole('link', { name: 'Chuyển tiếp' }).click();
  await expect(page).toHaveURL(/\/forwarding/);
  await expect(page.locator('main h1')).toHaveText('Chuyển tiếp dữ liệu');

  const target = page.locator(`main [data-testid="forward-targets"] tr[data-target-id="${fwd.targetId}"]`);
  await expect(target).toContainText(fwd.targetName);
  await expect(target).toContainText('Đã tắt');
  await expect(target.getByTestId('queue-depth')).toContainText('2');
  await expect(page.locator('main')).not.toContainText('e2e-password');

  const station = fx.facilityA.stations[0]!.code;
  const row = page.locator(`main [data-testid="forward-reconciliation"] tr[data-station="${station}"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-day', today());
  const cells = row.locator('td');
  await expect(cells.nth(2)).toHaveText('2'); // received
  await expect(cells.nth(3)).toHaveText('0'); // forwarded
  await expect(cells.nth(4)).toHaveText('2'); // pending

  // A range without files shows the empty state.
  await page.goto('/forwarding?from=2001-01-01&to=2001-01-02');
  await expect(page.locator('main [data-testid="forward-reconciliation"] tbody tr')).toHaveCount(0);

  // Resend the station's day: both files are queued again.
  await page.goto('/forwarding');
  const form = page.getByTestId('forward-resend-form');
  await form.locator('input[name="station"]').fill(station);
  await form.locator('select[name="target"]').selectOption(String(fwd.targetId));
  await form.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(form.getByRole('status')).toHaveText('Đã xếp lại 2 tệp.');
});
