import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';

const fx = fixturePerFile(createUiFixture);

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The page's width as laid out: nothing may scroll sideways at 390 px. */
async function expectNoSidewaysScroll(page: import('@playwright/test').Page, what: string) {
  await page.waitForLoadState('networkidle');
  const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(w, `${what}: scroll width`).toBeLessThanOrEqual(390);
}

test('on a phone the header is compact, EN is reachable, the map is above the fold and no page scrolls sideways', async ({ page }) => {
  await login(page, fx.operator);
  const main = page.locator('main');
  await expect(main.locator('.leaflet-container')).toBeVisible();

  // Header (brand, user row and navigation) well under a quarter of the screen; the language switch visible.
  const navBottom = await page.locator('.shell-nav').evaluate((e) => e.getBoundingClientRect().bottom);
  expect(navBottom).toBeLessThan(844 * 0.2);
  const en = page.getByRole('button', { name: 'EN', exact: true });
  await expect(en).toBeVisible();
  const enBox = await en.boundingBox();
  expect((enBox?.x ?? 999) + (enBox?.width ?? 0)).toBeLessThanOrEqual(390);

  // The map starts above the fold and shows a good part of itself there.
  const mapTop = await main.getByTestId('station-map').evaluate((e) => e.getBoundingClientRect().top);
  expect(mapTop).toBeLessThan(844 * 0.6);
  await expectNoSidewaysScroll(page, '/map');

  const station = fx.facilityA.stations[0]!;
  await page.goto(`/stations/${station.code}`);
  await expect(main.getByTestId('station-head')).toBeVisible();
  await expectNoSidewaysScroll(page, '/stations/[code]');

  await page.goto('/alerts');
  await expect(main.locator('h1')).toBeVisible();
  await expectNoSidewaysScroll(page, '/alerts');

  await page.goto('/connectivity');
  await expect(main.getByTestId('connectivity-table')).toBeVisible();
  await expectNoSidewaysScroll(page, '/connectivity');
});

test('the public page fits a phone without sideways scroll', async ({ page }) => {
  await page.goto('/public');
  await expect(page.getByTestId('public-page')).toBeVisible();
  await expectNoSidewaysScroll(page, '/public');
});
