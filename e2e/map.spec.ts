import { expect, test } from '@playwright/test';
import { closeFixtureDb, login } from './fixtures';
import { createMonitoringFixture, type MonitoringFixture } from './fixtures-monitoring';

let fx: MonitoringFixture;

test.beforeAll(async () => {
  fx = await createMonitoringFixture();
});

test.afterAll(async () => {
  await closeFixtureDb();
});

test('an operator filters exceeding stations on the map, opens one, changes the range and sees the limit line', async ({ page }) => {
  await login(page, fx.operator);
  const main = page.locator('main');
  const exceeding = main.locator(`.station-marker[data-station="${fx.exceeding.code}"]`);
  const good = main.locator(`.station-marker[data-station="${fx.good.code}"]`);
  await expect(exceeding).toHaveAttribute('data-state', 'exceeding');
  await expect(good).toHaveAttribute('data-state', 'good');

  // The legend counts every state; filtering by state keeps only exceeding markers (and the legend follows).
  await expect(main.locator('[data-legend-state]')).toHaveCount(7);
  await main.getByLabel('Trạng thái').selectOption('exceeding');
  await expect(good).toHaveCount(0);
  await expect(exceeding).toHaveCount(1);
  await expect(main.locator('[data-legend-state="good"] .count')).toHaveText('0');
  for (const state of await main.locator('.station-marker').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))) {
    expect(state).toBe('exceeding');
  }

  // Text search narrows further.
  await main.getByLabel('Tìm trạm (mã, tên, cơ sở)…').fill(fx.exceeding.code);
  await expect(main.locator('.station-marker')).toHaveCount(1);

  // Popup: latest values with their level, then the station page.
  await exceeding.click();
  const popup = main.locator(`[data-popup-station="${fx.exceeding.code}"]`);
  await expect(popup).toBeVisible();
  await expect(popup.locator('tr[data-parameter="COD"]')).toHaveAttribute('data-level', 'exceeding');
  await popup.getByRole('link', { name: /Xem chi tiết trạm/ }).click();
  await expect(page).toHaveURL(new RegExp(`/stations/${fx.exceeding.code}$`));
  await expect(main.getByTestId('station-head')).toContainText('Vượt ngưỡng');
  await expect(main.locator('[data-testid="latest-values"] tr[data-parameter="COD"]')).toHaveAttribute('data-level', 'exceeding');

  // Range 7 days, kept in the URL; the COD chart shows its limit line.
  await main.getByTestId('range-controls').getByRole('link', { name: '7 ngày' }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(main.getByTestId('station-charts')).toHaveAttribute('data-range', '7d');
  const cod = main.locator('figure[data-parameter="COD"]');
  await expect(cod.locator('.recharts-reference-line').first()).toBeAttached();
  await expect(cod.locator('.recharts-line')).toBeAttached();

  // Resolution 1 h, also in the URL.
  await main.getByTestId('range-controls').getByRole('link', { name: 'Trung bình 1 giờ' }).click();
  await expect(page).toHaveURL(/range=7d&res=1h/);
  await expect(main.locator('figure[data-parameter="COD"] .recharts-reference-line').first()).toBeAttached();
});
