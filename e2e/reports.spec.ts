import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { closeFixtureDb, login } from './fixtures';
import { createReportsFixture, REPORT_DAY, type ReportsFixture } from './fixtures-reports';

let fx: ReportsFixture;

test.beforeAll(async () => {
  fx = await createReportsFixture();
});

test.afterAll(async () => {
  await closeFixtureDb();
});

test('a manager reads the completeness report and exports the raw values as CSV', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, fx.manager);

  await page.goto(`/reports?from=${REPORT_DAY}&to=${REPORT_DAY}&period=day&station=${encodeURIComponent(fx.stationCode)}`);
  const main = page.locator('main');
  const table = main.getByTestId('completeness-table');
  const cod = table.locator(`tr[data-station="${fx.stationCode}"][data-parameter="COD"][data-period="2024-05-24"]`);
  const ph = table.locator(`tr[data-station="${fx.stationCode}"][data-parameter="PH"][data-period="2024-05-24"]`);
  await expect(cod.locator('[data-col="receipt"]')).toHaveText('83,3 %');
  await expect(cod.locator('[data-col="valid"]')).toHaveText('83,3 %');
  await expect(cod).toHaveAttribute('data-below', 'false');
  await expect(ph.locator('[data-col="receipt"]')).toHaveText('100,0 %');
  await expect(ph.locator('[data-col="valid"]')).toHaveText('75,0 %');
  await expect(ph).toHaveAttribute('data-below', 'true');
  // Station total: 528 of 576 received, 456 valid.
  const total = main.getByTestId('completeness-stations').locator(`tr[data-code="${fx.stationCode}"]`);
  await expect(total.locator('[data-col="receipt"]')).toHaveText('91,7 %');
  await expect(total.locator('[data-col="valid"]')).toHaveText('79,2 %');

  await page.goto('/reports/data');
  await main.getByTestId('export-stations').selectOption(fx.stationCode);
  await main.getByTestId('export-parameters').selectOption('COD');
  await main.getByTestId('export-from').fill(REPORT_DAY);
  await main.getByTestId('export-to').fill(REPORT_DAY);
  const downloadPromise = page.waitForEvent('download');
  await main.getByTestId('export-start').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await expect(main.getByTestId('export-done')).toContainText('240');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(241);
  expect(lines[0]).toBe('Thời gian,Trạm,Thông số,Giá trị,Đơn vị,Trạng thái thiết bị,Cờ QC,Hợp lệ');
  expect(lines[1]).toBe(`2024-05-24T00:00:00+07:00,${fx.stationCode},COD,40,mg/L,00,good,1`);
  expect(lines[240]).toBe(`2024-05-24T19:55:00+07:00,${fx.stationCode},COD,42.25,mg/L,00,good,1`);
});
