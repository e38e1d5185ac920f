import { expect, test } from '@playwright/test';
import { fixturePerFile, login } from './fixtures';
import { markerOf } from './fixtures-map';
import { createMonitoringFixture } from './fixtures-monitoring';

const fx = fixturePerFile(createMonitoringFixture);

test('a station that stops sending shows as offline once its interval + grace have passed', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, fx.operator);
  const main = page.locator('main');
  const marker = await markerOf(page, fx.stopping.code);

  // Interval 1 min + grace 1 min; its last file was 45 s before the fixture was made.
  if (Date.now() < fx.stoppingOfflineAt.getTime() - 5_000) await expect(marker).toHaveAttribute('data-state', 'good');

  // Without a reload: the map refreshes itself every 30 s.
  await expect(marker).toHaveAttribute('data-state', 'offline', { timeout: 150_000 });

  // Station page and connectivity page agree.
  await page.goto(`/stations/${fx.stopping.code}`);
  await expect(main.getByTestId('station-head')).toContainText('Mất kết nối');
  await page.goto(`/connectivity?station=${fx.stopping.code}`);
  await expect(main.locator(`[data-testid="connectivity-table"] tr[data-station="${fx.stopping.code}"]`)).toHaveAttribute('data-state', 'offline');
  await expect(main.getByTestId('slot-calendar')).toHaveAttribute('data-station', fx.stopping.code);
  await expect(main.getByTestId('slot-heatmap')).toBeVisible();
});
