import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fixturePerFile, login } from './fixtures';
import { createCameraFixture } from './fixtures-camera';

const fx = fixturePerFile(createCameraFixture);
const SHOTS = process.env.SHOTS_DIR;

test('an inspector opens an exceedance, sees the frames at its start, queues a sample and sees it answered', async ({ page, request }) => {
  test.setTimeout(120_000);
  await login(page, fx.inspector);
  await page.goto(`/alerts/${fx.alertId}`);
  const main = page.locator('main');
  const camera = main.getByTestId('alert-camera');
  await expect(camera).toBeVisible();
  // The frame nearest the episode's start is the one taken at the start, and its thumbnail loads.
  const start = camera.getByTestId('frame-start');
  await expect(start).toContainText('Bắt đầu vượt ngưỡng');
  const img = start.locator('img');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  // The peak (131,5 mg/L half an hour in) has its own frame, not the start's.
  const peak = camera.getByTestId('frame-peak');
  await expect(peak).toContainText('Giá trị cao nhất');
  await expect(peak).not.toContainText((await start.locator('figcaption').innerText()).split(' · ')[1]!);

  await camera.getByTestId('queue-sample').click();
  const list = camera.getByTestId('sampler-commands');
  await expect(list.locator('li[data-state="queued"]')).toHaveCount(1);
  await expect(list).toContainText('Chờ gửi');

  // The datalogger polls with its facility token and answers: bottle 7 at 10:55.
  const auth = { authorization: `Bearer ${fx.facilityToken}` };
  const polled = await request.get(`/api/v1/stations/${fx.station.code}/sampler/commands?state=queued`, { headers: auth });
  expect(polled.status()).toBe(200);
  const items = ((await polled.json()) as { items: { id: number; state: string }[] }).items;
  expect(items).toHaveLength(1);
  expect(items[0]!.state).toBe('delivered');
  const answered = await request.post(`/api/v1/stations/${fx.station.code}/sampler/commands/${items[0]!.id}/result`, {
    headers: auth,
    data: { status: 'sampled', bottle: 7, sampledAt: '2026-12-08T10:55:00+07:00' },
  });
  expect(answered.status()).toBe(200);

  await page.reload();
  await expect(main.getByTestId('sampler-commands')).toContainText('Đã lấy mẫu: chai 7 lúc 10:55');
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await main.getByTestId('alert-camera').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/alert-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await main.getByTestId('alert-camera').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/alert-390.png` });
    await page.goto(`/stations/${fx.station.code}`);
    await main.getByTestId('camera-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/station-390.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await main.getByTestId('camera-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/station-1440.png` });
  }
});
