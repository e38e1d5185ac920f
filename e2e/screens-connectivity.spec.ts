import { expect, test } from '@playwright/test';
import { openOutage, closeOutage } from '../lib/db/outages';
import { createUiFixture, fixturePerFile, login } from './fixtures';

const fx = fixturePerFile(async () => {
  const ui = await createUiFixture({ withReadings: true });
  const station = ui.facilityA.stations[0]!;
  const now = Date.now();
  // One outage of 2 h two days ago (closed) and one still open since 30 minutes ago.
  await openOutage(station.id, new Date(now - 50 * 3_600_000));
  await closeOutage(station.id, new Date(now - 48 * 3_600_000));
  await openOutage(station.id, new Date(now - 30 * 60_000));
  return ui;
});

test('connectivity: a station\'s outages on a timeline, delay beside its threshold, the table within the page', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const station = fx.facilityA.stations[0]!;
  await login(page, fx.operator);
  await page.goto(`/connectivity?station=${station.code}`);
  const main = page.locator('main');
  const timeline = main.getByTestId('outage-timeline');
  await expect(timeline).toHaveAttribute('data-outages', '2');
  await expect(timeline.locator('[data-outage="open"]')).toHaveCount(1);
  await expect(timeline.locator('[data-outage="closed"]')).toHaveCount(1);
  await expect(main.getByTestId('outage-log').locator('tr[data-open="true"]')).toHaveCount(1);

  // A day of history loaded at once (no files) is received, not late (the seeded week once showed 1,859 late).
  const totals = main.getByTestId('slot-totals');
  await expect(totals).toContainText('Nhận trễ: 0');
  await expect(totals).not.toContainText('Đã nhận: 0');

  // The table fits the page: nothing hidden on the right at 1440 px.
  const table = main.getByTestId('connectivity-table');
  const fits = await table.evaluate((t) => {
    const wrap = t.parentElement!;
    return { table: t.scrollWidth, wrap: wrap.clientWidth };
  });
  expect(fits.table).toBeLessThanOrEqual(fits.wrap);
  await expect(table.locator(`tr[data-station="${station.code}"] td[data-threshold]`)).toContainText('/');
});
