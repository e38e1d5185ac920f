import { expect, test } from '@playwright/test';
import { fixturePerFile, login } from './fixtures';
import { createAqiFixture } from './fixtures-aqi';
import { createMonitoringFixture } from './fixtures-monitoring';
import { markerOf } from './fixtures-map';

const fx = fixturePerFile(createMonitoringFixture);
const aq = fixturePerFile(createAqiFixture);

test('an operator filters exceeding stations on the map, opens one, changes the range and sees the limit line', async ({ page }) => {
  await login(page, fx.operator);
  const main = page.locator('main');
  const exceeding = main.locator(`.station-marker[data-station="${fx.exceeding.code}"]`);
  const good = main.locator(`.station-marker[data-station="${fx.good.code}"]`);
  // Other runs' stations stand at the same places (and cluster with these): keep this facility's only.
  await main.getByLabel('Cơ sở', { exact: true }).selectOption({ label: fx.facility.name });
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

  // Resolution 1 h (stored hourly means), also in the URL.
  await main.getByTestId('range-controls').getByRole('link', { name: 'Trung bình 1 giờ' }).click();
  await expect(page).toHaveURL(/range=7d&res=1h/);
  await expect(main.locator('figure[data-parameter="COD"] .recharts-reference-line').first()).toBeAttached();
  await expect(main.locator('figure[data-parameter="COD"]')).not.toHaveAttribute('data-points', '0');
  // pH 6–9: a lower and an upper limit line, and the approaching band at both edges; the legend explains the shading.
  const ph = main.locator('figure[data-parameter="PH"]');
  await expect(ph.locator('.chart-limit-min')).toBeAttached();
  await expect(ph.locator('.chart-limit-max')).toBeAttached();
  await expect(ph.locator('.chart-approaching-band')).toHaveCount(2);
  const legend = main.getByTestId('chart-legend');
  for (const item of ['calibrating', 'device_error', 'offline', 'overlay', 'limit', 'approaching', 'suspect', 'fail']) {
    await expect(legend.locator(`[data-legend-item="${item}"]`)).toBeVisible();
  }
  // Every legend swatch is drawn: a fill or a line colour that is not transparent (a client module's constant used
  // on the server once left "Attempted to call LIMIT_LINE_COLOR() from the server" in the style instead).
  const swatches = await legend.locator('[data-legend-item] > span[aria-hidden]').evaluateAll((els) =>
    els.map((e) => {
      const cs = getComputedStyle(e);
      return { style: e.getAttribute('style') ?? '', bg: cs.backgroundColor, line: cs.borderTopStyle === 'none' ? '' : cs.borderTopColor };
    }),
  );
  expect(swatches).toHaveLength(8);
  for (const s of swatches) {
    expect(s.style).not.toContain('Attempted');
    const colours = [s.bg, s.line].filter((c) => c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent');
    expect(colours.length, JSON.stringify(s)).toBeGreaterThan(0);
  }

  // Each chart downloads as CSV (its points, ISO times at +07:00) and as PNG.
  const csvDownload = page.waitForEvent('download');
  await ph.getByTestId('chart-csv').click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(new RegExp(`^${fx.exceeding.code}_PH_.*\\.csv$`));
  const csvText = await new Promise<string>((resolve, reject) => {
    void csvFile.createReadStream().then((stream) => {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
      stream.on('error', reject);
    }, reject);
  });
  const csvLines = csvText.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(csvLines[0]).toContain('Thời gian');
  expect(csvLines.length).toBeGreaterThan(10);
  expect(csvLines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00,/);
  const pngDownload = page.waitForEvent('download');
  await ph.getByTestId('chart-png').click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
  const pngHead = await new Promise<Buffer>((resolve, reject) => {
    void pngFile.createReadStream().then((stream) => {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => resolve(Buffer.concat(parts)));
      stream.on('error', reject);
    }, reject);
  });
  expect(pngHead.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(pngHead.length).toBeGreaterThan(2000);
});

test('an operator colours the map by AQI: ambient stations take their band colour, the others keep their state', async ({ page }) => {
  await login(page, fx.operator);
  const main = page.locator('main');
  const ambient = main.locator(`.station-marker[data-station="${aq.ambient.code}"]`);
  const wastewater = main.locator(`.station-marker[data-station="${fx.good.code}"]`);
  const fillOf = async (code: string) => (await markerOf(page, code)).evaluate((e) => (e as HTMLElement).style.background);
  const wastewaterFill = await fillOf(fx.good.code);
  const stateFill = await fillOf(aq.ambient.code);
  await expect(ambient).toBeAttached();

  // State colouring is the default.
  const toggle = main.getByTestId('map-mode-toggle');
  await expect(toggle.locator('[data-map-mode="state"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(ambient).not.toHaveAttribute('data-aqi', /.*/);

  await toggle.getByRole('button', { name: 'Theo AQI' }).click();
  await expect(ambient).toHaveAttribute('data-aqi', String(Math.round(aq.unpublishedAqi)));
  await expect(ambient).toHaveAttribute('data-aqi-category', /.+/);
  // The AQI number is written on the marker itself.
  await expect(ambient).toHaveText(String(Math.round(aq.unpublishedAqi)));
  await expect(main.getByTestId('aqi-map-legend')).toBeVisible();
  await expect(main.getByTestId('aqi-coloured-count')).toContainText('trạm được tô theo AQI');
  expect(await ambient.evaluate((e) => (e as HTMLElement).style.background)).not.toBe(stateFill);
  expect(await fillOf(fx.good.code)).toBe(wastewaterFill);
  await expect(wastewater).not.toHaveAttribute('data-aqi', /.*/);
  await markerOf(page, aq.ambient.code);

  // The popup shows the AQI too; switching back restores the state colours.
  // Other stations may lie on top of this one: click this marker itself.
  await ambient.click();
  await expect(main.locator(`[data-popup-station="${aq.ambient.code}"] [data-popup-aqi]`)).toBeVisible();
  await page.keyboard.press('Escape');
  await toggle.getByRole('button', { name: 'Theo trạng thái' }).click();
  await expect(ambient).not.toHaveAttribute('data-aqi', /.*/);
  expect(await ambient.evaluate((e) => (e as HTMLElement).style.background)).toBe(stateFill);
});
