import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { fixturePerFile, login } from './fixtures';
import { createReportsFixture, REPORT_DAY } from './fixtures-reports';

const fx = fixturePerFile(createReportsFixture);

test('a manager reads the completeness report and exports the raw values as CSV', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, fx.manager);

  await page.goto(
    `/reports?from=${REPORT_DAY}&to=${REPORT_DAY}&period=day&station=${encodeURIComponent(fx.stationCode)}`,
  );
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

function sheetXml(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== 'xl/worksheets/sheet1.xml') return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('no stream'));
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error('no sheet1.xml')));
      zip.readEntry();
    });
  });
}

function csvLines(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes
    .toString('utf8')
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));
}

test('a manager downloads the completeness, exceedance and monthly station reports (CSV, XLSX, PDF)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, fx.manager);
  const main = page.locator('main');
  const download = async (testId: string) => {
    const p = page.waitForEvent('download', { timeout: 120_000 });
    await main.getByTestId(testId).click();
    const d = await p;
    return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
  };

  // Completeness: CSV rows as on screen (rates in %, '.' decimals), then XLSX.
  await page.goto(
    `/reports?from=${REPORT_DAY}&to=${REPORT_DAY}&period=day&station=${encodeURIComponent(fx.stationCode)}`,
  );
  await expect(main.getByTestId('completeness-table')).toBeVisible();
  const csv = await download('report-csv');
  expect(csv.name).toMatch(/^ty-le-so-lieu-day-24052024-24052024\.csv$/);
  const rows = csvLines(csv.bytes);
  expect(rows[0]).toEqual([
    'Mã trạm',
    'Tên trạm',
    'Cơ sở',
    'Thông số',
    'Ngày',
    'Dự kiến',
    'Đã nhận',
    'Hợp lệ',
    'Tỷ lệ nhận (%)',
    'Tỷ lệ hợp lệ (%)',
    'Dưới ngưỡng',
  ]);
  expect(rows).toHaveLength(3);
  const cod = rows.find((r) => r[3] === 'COD')!;
  const ph = rows.find((r) => r[3] === 'PH')!;
  expect([cod[0], cod[4], ...cod.slice(5)]).toEqual([
    fx.stationCode,
    '2024-05-24',
    '288',
    '240',
    '240',
    '83.33',
    '83.33',
    '0',
  ]);
  expect([ph[4], ...ph.slice(5)]).toEqual(['2024-05-24', '288', '288', '216', '100', '75', '1']);
  const xlsx = await download('report-xlsx');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  const sheet = await sheetXml(xlsx.bytes);
  expect(sheet).toContain(fx.stationCode);
  expect(sheet).toContain('<v>83.33</v>');

  // Exceedances of May: one COD alert, confirmed as a violation.
  await page.goto(`/reports/exceedances?from=01/05/2024&to=31/05/2024&station=${encodeURIComponent(fx.stationCode)}`);
  await expect(main.getByTestId('exceedance-table').locator(`tr[data-station="${fx.stationCode}"]`)).toHaveCount(1);
  const ex = csvLines((await download('report-csv')).bytes);
  expect(ex).toHaveLength(2);
  expect(ex[1]!.slice(0, 6)).toEqual([fx.stationCode, fx.stationName, ex[1]![2], 'COD', '1', '1']);
  expect(ex[1]!.slice(-5)).toEqual(['0', '1', '0', '0', '0']);

  // Monthly station report: summary from the daily means, the chart with its limit line, the exceedance; then the PDF.
  await page.goto('/reports/monthly');
  await main.getByTestId('monthly-station').selectOption(fx.stationCode);
  await main.getByTestId('monthly-month').fill('05/2024');
  await main.getByRole('button', { name: 'Xem' }).click();
  const summary = main.getByTestId('monthly-summary');
  await expect(summary.locator('tr[data-parameter="COD"] [data-col="mean"]')).toHaveText('41,1');
  await expect(summary.locator('tr[data-parameter="COD"] [data-col="max"]')).toHaveText('42,0');
  await expect(summary.locator('tr[data-parameter="PH"] [data-col="min"]')).toHaveText('7,10');
  await expect(summary.locator('tr[data-parameter="COD"] [data-col="exceedances"]')).toHaveText('1');
  await expect(main.getByTestId('monthly-chart')).toHaveCount(2);
  expect(await main.locator('.monthly-limit-line').count()).toBeGreaterThan(0);
  await expect(main.getByTestId('monthly-alerts').locator('[data-col="disposition"]')).toHaveText(['Xác nhận vi phạm']);
  // The PDF is made in the background: the button shows progress, then a link to the file.
  await main.getByTestId('report-pdf').click();
  await expect(main.getByTestId('report-pdf-link')).toBeVisible({ timeout: 120_000 });
  const pdf = await download('report-pdf-link');
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The PDF's title (document metadata) names the station: plain text, or UTF-16BE hex for a Vietnamese title.
  const raw = pdf.bytes.toString('latin1');
  const hex = Buffer.from(fx.stationCode, 'utf16le').swap16().toString('hex').toUpperCase();
  expect(raw.includes(fx.stationCode) || raw.toUpperCase().includes(hex)).toBe(true);
});
