import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';

/**
 * Issue #5, admin side of limits: import a new standard version from CSV (errors shown per row first, nothing saved),
 * see it listed, bind a station to it with coefficients and read the derivation; declare and cancel maintenance.
 */
const fx = fixturePerFile(createUiFixture);

// Each journey signs in and walks several server-rendered pages; on the shared 2-core machine that can exceed 60 s.
test.describe.configure({ timeout: 120_000 });

const HEADER = 'standard,version,effective_from,effective_to,kind,column,parameter,min,max,averaging,apply_coefficients,name';

test('an admin imports a CSV standard version, binds a station to it and sees the derivation', async ({ page }) => {
  const code = `QCVN40:2025-E2E${fx.runId}`;
  const station = fx.facilityA.stations[0]!;
  await login(page, fx.admin);
  await page.goto('/admin/limits');
  await expect(page.locator('main h1')).toHaveText('Giới hạn / Quy chuẩn');

  // The format help offers a downloadable example.
  const help = page.getByTestId('import-format');
  await help.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), help.getByRole('link', { name: 'Tải tệp mẫu CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('vi-du-quy-chuan.csv');

  const box = page.getByTestId('limit-import');
  const fileInput = box.locator('input[type="file"]');
  const check = box.getByRole('button', { name: 'Kiểm tra' });
  const save = box.getByRole('button', { name: 'Nhập', exact: true });

  // A broken file: each bad row is named and "Nhập" stays disabled.
  const bad = [HEADER, `${code},2025,2025-09-01,,wastewater,B,COD,,100,24h,true,QCVN 40:2025`, `${code},2025,2025-09-01,,wastewater,B,PH,9,5,24h,false,QCVN 40:2025`].join('\n');
  await fileInput.setInputFiles({ name: 'qcvn40-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await check.click();
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'invalid');
  const rowError = page.getByTestId('import-errors').locator('li[data-line="3"]');
  await expect(rowError).toHaveAttribute('data-code', 'min_above_max');
  await expect(rowError).toContainText('Dòng 3: Thông số PH: giới hạn dưới (9) lớn hơn giới hạn trên (5).');
  await expect(save).toBeDisabled();

  // The corrected file: preview, then import.
  const good = [HEADER, `${code},2025,2025-09-01,,wastewater,B,COD,,100,24h,true,QCVN 40:2025`, `${code},2025,2025-09-01,,wastewater,B,PH,5.5,9,24h,false,QCVN 40:2025`].join('\n');
  await fileInput.setInputFiles({ name: 'qcvn40-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await check.click();
  await expect(outcome).toHaveAttribute('data-outcome', 'valid');
  await expect(outcome).toContainText('2 giá trị');
  await save.click();
  await expect(outcome).toHaveAttribute('data-outcome', 'saved');
  await expect(outcome).toContainText(`${code} 2025 (2)`);

  const listed = page.locator(`main [data-testid="limit-standards"] tr[data-standard="${code}"]`);
  await expect(listed).toContainText('hiệu lực 01/09/2025 – nay');
  await expect(listed).toContainText('Đang hiệu lực');

  // Bind the station to the new standard's column B with Kq 0,9 × Kf 1,1.
  await page.locator(`main [data-testid="limit-stations"] tr[data-station="${station.code}"]`).getByRole('link', { name: 'Xem giới hạn' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/limits/stations/${encodeURIComponent(station.code)}`));
  const bindForm = page.getByTestId('binding-form');
  await bindForm.locator('select[name="standardCode"]').selectOption(code);
  await bindForm.locator('select[name="column"]').selectOption('B');
  await bindForm.locator('input[name="kq"]').fill('0,9');
  await bindForm.locator('input[name="kf"]').fill('1,1');
  await bindForm.getByRole('button', { name: 'Gán quy chuẩn' }).click();
  await expect(page.getByTestId('station-bindings').locator(`tr[data-binding="${code}"]`)).toContainText('Kq 0,9 × Kf 1,1');

  const cod = page.locator('main [data-testid="station-limits"] tr[data-parameter="COD"][data-averaging="24h"]');
  await expect(cod).toHaveAttribute('data-source', 'standard');
  await expect(cod).toContainText('≤ 99');
  await expect(cod).toContainText(code);
  await expect(cod).toContainText('cột B');
  await expect(cod).toContainText('≤ 100 × Kq 0,9 × Kf 1,1');
  await expect(cod).toContainText('hiệu lực 01/09/2025 – nay');
  // pH takes no coefficients.
  await expect(page.locator('main [data-testid="station-limits"] tr[data-parameter="PH"]')).toContainText('5,5 – 9');

  // Before the version's effective date the new standard does not apply yet.
  await page.goto(`/admin/limits/stations/${encodeURIComponent(station.code)}?at=2025-08-31`);
  await expect(page.locator('main [data-testid="station-limits"] tr[data-parameter="COD"]').first()).not.toContainText(code);
});

test('an admin declares maintenance for one parameter of a station and cancels it', async ({ page }) => {
  const station = fx.facilityA.stations[1]!;
  const reason = `Thay điện cực ${fx.runId}`;
  await login(page, fx.admin);
  await page.goto('/admin/limits');
  await page.getByRole('navigation', { name: 'Điều hướng quản trị' }).getByRole('link', { name: 'Bảo trì' }).click();
  await expect(page.locator('main h1')).toHaveText('Lịch bảo trì');

  const f = page.getByTestId('maintenance-form');
  await f.locator('select[name="stationCode"]').selectOption(station.code);
  // One date input everywhere: dd/MM/yyyy HH:mm typed, whatever the browser's locale.
  await f.locator('[data-date-input="from"]').fill('02/01/2030 08:00');
  await f.locator('[data-date-input="to"]').fill('02/01/2030 11:30');
  await f.getByLabel('Một số thông số').check();
  await f.locator('input[name="parameters"][value="COD"]').check();
  await f.locator('input[name="reason"]').fill(reason);
  await f.getByRole('button', { name: 'Khai báo' }).click();
  await expect(f.getByRole('status')).toHaveText('Đã khai báo bảo trì.');

  const row = page.locator(`main [data-testid="maintenance-windows"] tr[data-station="${station.code}"]`).filter({ hasText: reason });
  await expect(row).toHaveAttribute('data-status', 'upcoming');
  await expect(row).toContainText('02/01/2030 08:00');
  await expect(row).toContainText('02/01/2030 11:30');
  await expect(row).toContainText('COD');

  await row.getByRole('button', { name: 'Hủy' }).click();
  await expect(row).toHaveAttribute('data-status', 'cancelled');
  await expect(row).toContainText('Đã hủy');
});
