import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixturePerFile, login } from './fixtures';
import { COD_LIMIT, createAlertsFixture } from './fixtures-alerts';

const fx = fixturePerFile(createAlertsFixture);

test('an inspector reviews a compliance exceedance: evidence, acknowledgement, disposition, history and CSV export', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, fx.inspector);

  // The list, filtered by station in the URL.
  await page.goto(`/alerts?station=${encodeURIComponent(fx.station.code)}`);
  const main = page.locator('main');
  const row = main.locator(`[data-testid="alerts-table"] tr[data-alert-id="${fx.alertId}"]`);
  await expect(row).toHaveCount(1);
  await expect(main.locator('[data-testid="alerts-table"] tbody tr')).toHaveCount(1);
  await expect(row).toContainText('Vượt quy chuẩn (trung bình)');
  await expect(row).toContainText('Đang mở');
  await expect(row).toContainText('Trung bình 24 giờ');
  await expect(row).toContainText('150,0 mg/L');

  // Detail with the evidence chart: the limit line exists (a horizontal ReferenceLine has zero height: attached, not visible).
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/alerts/${fx.alertId}$`));
  await expect(main.getByTestId('alert-heading')).toContainText(`COD tại ${fx.station.name}`);
  const chart = main.getByTestId('evidence-chart');
  await expect(chart.locator('.recharts-line').first()).toBeAttached();
  await expect(chart.locator('.evidence-limit-line').first()).toBeAttached();
  await expect(chart.locator('.evidence-average-line').first()).toBeAttached();
  await expect(chart.locator('.evidence-flagged').first()).toBeAttached();
  await expect(chart).toContainText(`Giới hạn ${COD_LIMIT},0`);
  await expect(main.getByTestId('evidence-table').locator('tbody tr').first()).toBeVisible();

  // Acknowledge.
  await main.getByRole('button', { name: 'Tiếp nhận cảnh báo' }).click();
  await expect(main.locator('[data-alert-state="acknowledged"]').first()).toBeVisible();
  await expect(main.getByRole('button', { name: 'Tiếp nhận cảnh báo' })).toHaveCount(0);

  // Disposition with a note, an assignee and a due date.
  const form = main.getByTestId('disposition-form');
  await form.getByLabel('Kết luận').selectOption('confirmed_violation');
  await form.getByLabel('Ghi chú').fill('Xả thải vượt QCVN 40 cột B cả ngày; lập biên bản.');
  await form.getByLabel('Người xử lý').selectOption({ label: fx.inspector.name });
  await form.getByLabel(/Hạn xử lý/).fill('31/12/2030');
  await form.getByRole('button', { name: 'Lưu kết luận' }).click();
  await expect(form.getByRole('status')).toHaveText('Đã lưu kết luận.');

  // Both steps are in the history, with who did them.
  const history = main.getByTestId('alert-history');
  const ack = history.locator('li[data-event-type="acknowledged"]');
  const disp = history.locator('li[data-event-type="disposition"]');
  await expect(ack).toHaveCount(1);
  await expect(ack).toContainText(fx.inspector.email);
  await expect(disp).toHaveCount(1);
  await expect(disp).toContainText('Xác nhận vi phạm');
  await expect(disp).toContainText('Xả thải vượt QCVN 40 cột B cả ngày; lập biên bản.');
  await expect(disp).toContainText(fx.inspector.email);
  await expect(disp).toContainText('31/12/2030');
  await expect(main.locator('[data-disposition="confirmed_violation"]').first()).toBeVisible();

  // CSV export of the filtered list.
  await page.goto(`/alerts?station=${encodeURIComponent(fx.station.code)}`);
  const [download] = await Promise.all([page.waitForEvent('download'), main.getByTestId('alerts-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^canh-bao-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split(/\r\n/);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('Thời điểm');
  const cells = lines[1]!.split(',');
  expect(cells[0]).toBe(String(fx.alertId));
  expect(cells[2]).toBe(fx.station.code);
  expect(cells[4]).toBe('COD');
  expect(cells[5]).toBe('Vượt quy chuẩn (trung bình)');
  expect(cells[6]).toBe('Đã tiếp nhận');
  expect(Number(cells[8])).toBe(fx.peak);
  expect(cells[9]).toBe(String(fx.average));
  expect(cells[10]).toBe(String(COD_LIMIT));
  expect(cells[14]).toBe('Xác nhận vi phạm');
});

test('managers read alerts without acting; another facility gets 404', async ({ page }) => {
  await login(page, fx.manager);
  const res = await page.goto(`/alerts/${fx.alertId}`);
  expect(res?.status()).toBe(200);
  const main = page.locator('main');
  await expect(main.getByTestId('evidence-chart')).toBeVisible();
  await expect(main.getByTestId('acknowledge-form')).toHaveCount(0);
  await expect(main.getByTestId('disposition-form')).toHaveCount(0);
  await expect(main.getByTestId('alert-actions')).toContainText('Vai trò của bạn chỉ được xem cảnh báo');

  await page.context().clearCookies();
  await login(page, fx.otherFacilityUser);
  const denied = await page.goto(`/alerts/${fx.alertId}`);
  expect(denied?.status()).toBe(404);
  const own = await page.goto(`/alerts/${fx.otherAlertId}`);
  expect(own?.status()).toBe(200);
  await page.goto('/alerts');
  await expect(page.locator(`main tr[data-alert-id="${fx.otherAlertId}"]`)).toHaveCount(1);
  await expect(page.locator(`main tr[data-alert-id="${fx.alertId}"]`)).toHaveCount(0);
  // The export is scoped the same way.
  const csv = await page.request.get('/alerts/export');
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(fx.otherStation.code);
  expect(text).not.toContain(fx.station.code);
});
