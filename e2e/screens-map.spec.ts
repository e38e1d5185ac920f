import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';

const fx = fixturePerFile(createUiFixture);

type Box = { x: number; y: number; w: number; h: number; what: string };

test('the first view of the map fits every station, and no two markers overlap', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, fx.operator);
  const main = page.locator('main');
  await expect(main.locator('.station-marker, .marker-cluster').first()).toBeVisible();
  await page.waitForTimeout(800); // clusters settle after the fit

  const frame = await main.getByTestId('station-map').boundingBox();
  if (!frame) throw new Error('no map frame');
  const boxes: Box[] = await main.locator('.leaflet-marker-pane .station-marker, .leaflet-marker-pane .marker-cluster > div').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, what: e.getAttribute('data-station') ?? `cluster of ${e.getAttribute('data-count')}` };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);

  // Every station is in view: single markers plus the counts of the clusters make the total shown.
  const clustered = await main.locator('.marker-cluster > div').evaluateAll((els) => els.reduce((a, e) => a + Number(e.getAttribute('data-count') ?? 0), 0));
  const singles = await main.locator('.station-marker').count();
  const shownText = (await main.getByTestId('map-shown-count').innerText()).trim();
  const total = Number(/\/\s*([\d.]+)/.exec(shownText)?.[1]?.replace(/\./g, '') ?? NaN);
  expect(singles + clustered).toBe(total);
  for (const b of boxes) {
    expect(b.x, b.what).toBeGreaterThanOrEqual(frame.x - 1);
    expect(b.y, b.what).toBeGreaterThanOrEqual(frame.y - 1);
    expect(b.x + b.w, b.what).toBeLessThanOrEqual(frame.x + frame.width + 1);
    expect(b.y + b.h, b.what).toBeLessThanOrEqual(frame.y + frame.height + 1);
  }

  // No marker or cluster covers another (2 px of antialiasing allowed).
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (w > 2 && h > 2) overlaps.push(`${a.what} × ${b.what}`);
    }
  }
  expect(overlaps).toEqual([]);

  // "Hiển thị N / N trạm" stays on one line.
  const count = main.getByTestId('map-shown-count');
  await expect(count).toContainText('Hiển thị');
  const lineBox = await count.boundingBox();
  expect(lineBox?.height ?? 99).toBeLessThan(26);
});

test('stations at one place open as a spider; each state has its own shape; the legend filters; the layer switcher', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, fx.operator);
  const main = page.locator('main');
  await expect(main.locator('.station-marker, .marker-cluster').first()).toBeVisible();

  // States look different by shape as well as colour.
  const shapes = await main.locator('[data-legend-state] [data-shape]').evaluateAll((els) => els.map((e) => e.getAttribute('data-shape')));
  expect(shapes).toHaveLength(7);
  expect(new Set(shapes).size).toBe(7);

  // A legend row filters the map by its state, and again shows everything.
  const offline = main.locator('[data-legend-state="offline"] button');
  await offline.click();
  await expect(offline).toHaveAttribute('aria-pressed', 'true');
  await expect(main.getByLabel('Trạng thái')).toHaveValue('offline');
  await expect(main.locator('.station-marker, .marker-cluster').first()).toBeVisible();
  for (const s of await main.locator('.station-marker').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))) expect(s).toBe('offline');
  for (const s of await main.locator('.marker-cluster > div').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))) expect(s).toBe('offline');
  await offline.click();
  await expect(main.getByLabel('Trạng thái')).toHaveValue('');

  // Stations of many runs stand at one place: zooming into a cluster ends in a spider of single markers.
  const code = fx.facilityA.stations[0]!.code;
  const name = fx.facilityA.stations[0]!.name.replace(/\s+\S+$/, '');
  await main.getByLabel('Tìm trạm (mã, tên, cơ sở)…').fill(name);
  const cluster = main.locator('.marker-cluster').first();
  if ((await cluster.count()) > 0) {
    for (let i = 0; i < 20 && (await main.locator('.marker-cluster').count()) > 0; i++) {
      await main.locator('.marker-cluster').first().click();
      await page.waitForTimeout(500);
    }
    const spider = await main.locator('.station-marker').count();
    expect(spider).toBeGreaterThan(1);
  }
  await main.getByLabel('Tìm trạm (mã, tên, cơ sở)…').fill(code);
  await expect(main.locator(`.station-marker[data-station="${code}"]`)).toBeVisible();

  // The layer switcher: the offline base with province names and Vietnam's archipelagos.
  const layers = main.locator('.leaflet-control-layers');
  await layers.hover();
  await expect(layers).toContainText('Bản đồ nền ngoại tuyến');
  await expect(layers).toContainText('Tên tỉnh, thành phố');
  await expect(layers).toContainText('Quần đảo Hoàng Sa, Trường Sa');
  await expect(main.locator('[data-archipelago="hoangSa"]')).toHaveText('Quần đảo Hoàng Sa (Việt Nam)');
  await expect(main.locator('[data-archipelago="truongSa"]')).toHaveText('Quần đảo Trường Sa (Việt Nam)');
});
