import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';
import { addQcReadings } from './fixtures-qc';
import { formatIsoLocal } from '../lib/domain/time';

const fx = fixturePerFile(async () => {
  const ui = await createUiFixture();
  await addQcReadings(ui.facilityA.stations[0]!);
  return ui;
});

/** `dd/MM/yyyy HH:mm` in Vietnam local time, as the date input takes it in both languages. */
const localInput = (d: Date) => {
  const [day, time] = formatIsoLocal(d).slice(0, 16).split('T') as [string, string];
  const [y, m, dd] = day.split('-');
  return `${dd}/${m}/${y} ${time}`;
};

test('the review queue shows a reading that failed QC, with its reason and a link to the station', async ({ page }) => {
  const station = fx.facilityA.stations[0]!;
  await login(page, fx.operator);
  await page.getByRole('link', { name: 'Kiểm soát dữ liệu' }).click();
  await expect(page).toHaveURL(/\/qc$/);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { name: 'Kiểm soát dữ liệu (QA/QC)' })).toBeVisible();
  await expect(main.getByTestId('qc-flag-chart')).toBeVisible();
  // The value outside the fail span (its neighbours fail the spike test and are listed too).
  const row = main.locator(`[data-testid="qc-review-row"][data-station="${station.code}"]`).filter({ hasText: 'Ngoài ngưỡng đo' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('COD');
  await expect(row).toContainText('2.500');
  await expect(row.locator('[data-flag="fail"]')).toHaveText('Không đạt');
  await row.getByRole('link', { name: 'Chi tiết' }).click();
  await expect(page).toHaveURL(new RegExp(`/qc/${station.code}$`));
  await expect(page.locator('main').getByTestId('qc-periods')).toContainText('Ngoài ngưỡng đo');
});

test('an operator invalidates a period with a reason, sees it listed, and revokes it', async ({ page }) => {
  const station = fx.facilityA.stations[0]!;
  await login(page, fx.operator);
  await page.goto(`/qc/${station.code}`);
  const main = page.locator('main');
  const form = main.getByTestId('overlay-form');
  const now = Date.now();
  await form.getByLabel('COD', { exact: true }).check();
  await form.getByLabel('Từ (giờ Việt Nam)').fill(localInput(new Date(now - 90 * 60_000)));
  await form.getByLabel('Đến (không gồm)').fill(localInput(new Date(now - 60 * 60_000)));
  const reason = `Bảo dưỡng đầu đo ${fx.runId}`;
  await form.getByLabel('Lý do').fill(reason);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByRole('status')).toContainText('Đã lưu');
  const row = main.getByTestId('qc-overlay-row').filter({ hasText: reason });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Vô hiệu hoá');
  await expect(row).toHaveAttribute('data-active', 'true');
  await row.getByRole('button', { name: 'Thu hồi' }).click();
  await expect(main.getByTestId('qc-overlay-row').filter({ hasText: reason })).toHaveAttribute('data-active', 'false');
});
