import { expect, test } from '@playwright/test';
import { fixturePerFile, login } from './fixtures';
import { createReportsFixture, REPORT_DAY } from './fixtures-reports';

/**
 * Issue 18: the completeness totals are one full-width table per view (not three narrow tables side by side with the
 * rate columns cut off), report tables scroll sideways inside their box with the first column kept in view, and the
 * PDF is made in the background with its progress and then a link.
 */
const fx = fixturePerFile(createReportsFixture);

for (const width of [1440, 390]) {
  test(`completeness and exceedance tables are readable at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    await login(page, fx.manager);
    await page.goto(`/reports?from=${REPORT_DAY}&to=${REPORT_DAY}&period=day&station=${encodeURIComponent(fx.stationCode)}`);
    const main = page.locator('main');
    const boxes = await Promise.all(
      ['completeness-province', 'completeness-facilities', 'completeness-stations'].map(async (id) => (await main.getByTestId(id).boundingBox())!),
    );
    // Stacked: each below the previous one, none beside another.
    expect(boxes[1]!.y).toBeGreaterThanOrEqual(boxes[0]!.y + boxes[0]!.height);
    expect(boxes[2]!.y).toBeGreaterThanOrEqual(boxes[1]!.y + boxes[1]!.height);
    // Rate headers on one line (not one word per line).
    const rateHeader = main.getByTestId('completeness-stations').locator('th').last();
    expect((await rateHeader.boundingBox())!.height).toBeLessThan(40);
    // Scrolled to the right end, the last column is inside the box and the first column is still in view.
    const table = main.getByTestId('completeness-table');
    await table.evaluate((t) => (t.parentElement!.scrollLeft = 100_000));
    const wrap = (await table.evaluate((t) => t.parentElement!.getBoundingClientRect().toJSON())) as DOMRect;
    const lastCell = (await table.locator('tbody tr').first().locator('td').last().boundingBox())!;
    const firstCell = (await table.locator('tbody tr').first().locator('td').first().boundingBox())!;
    expect(lastCell.x + lastCell.width).toBeLessThanOrEqual(wrap.x + wrap.width + 1);
    expect(firstCell.x).toBeGreaterThanOrEqual(wrap.x - 1);
    // (The whole page's width at 390 px is part A's phone check: the shell header, not these tables.)

    await page.goto(`/reports/exceedances?from=01/05/2024&to=31/05/2024&station=${encodeURIComponent(fx.stationCode)}`);
    const ex = main.getByTestId('exceedance-table');
    await ex.locator('thead').scrollIntoViewIfNeeded();
    await ex.evaluate((t) => (t.parentElement!.scrollLeft = 100_000));
    await expect(ex.locator('th').last()).toBeInViewport();
    await expect(ex.locator('th').first()).toBeInViewport();
  });
}

test('the PDF is made in the background: progress, then a link to the file', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, fx.manager);
  await page.goto(`/reports?from=${REPORT_DAY}&to=${REPORT_DAY}&period=day&station=${encodeURIComponent(fx.stationCode)}`);
  const main = page.locator('main');
  await main.getByTestId('report-pdf').click();
  await expect(main.getByTestId('report-pdf-status')).toHaveAttribute('data-state', /working|ready/);
  await expect(main.getByTestId('report-pdf-link')).toBeVisible({ timeout: 150_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), main.getByTestId('report-pdf-link').click()]);
  expect(download.suggestedFilename()).toMatch(/^bao-cao-completeness-.*\.pdf$/);
});
