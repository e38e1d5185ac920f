import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fixturePerFile, login } from './fixtures';
import { conflictReview, createIngestFixture } from './fixtures-ingest';

const fx = fixturePerFile(createIngestFixture);

test('an operator filters the ledger, reads a partial file line by line, downloads the original and reviews a conflict', async ({ page }) => {
  const stationA = fx.facilityA.stations[0]!;
  await login(page, fx.operator);
  await page.goto('/ingest');
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Nhận dữ liệu' })).toBeVisible();
  await expect(main.getByTestId('ingest-chart').locator('.recharts-bar-rectangle').first()).toBeAttached();

  // Filter by station and outcome through the form; the filters land in the URL.
  const filters = main.getByTestId('ingest-filters');
  await filters.locator('select[name="station"]').selectOption(stationA.code);
  await filters.locator('select[name="outcome"]').selectOption('partial');
  await filters.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/outcome=partial/);
  await expect(page).toHaveURL(new RegExp(`station=${stationA.code}`));
  const rows = main.locator('[data-testid="ingest-table"] tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-file-id', String(fx.partial.id));
  await expect(rows.first().locator('[data-outcome="partial"]')).toHaveText('Nhận một phần');
  await expect(rows.first()).toContainText('1 trên 3 dòng bị từ chối');
  await expect(rows.first()).toContainText('10.20.30.41');

  // The file page: metadata, the rejected line highlighted with its reason in Vietnamese (as stored in its tooltip).
  await rows.first().getByRole('link', { name: fx.partial.name }).click();
  await expect(page).toHaveURL(new RegExp(`/ingest/${fx.partial.id}$`));
  await expect(main.getByTestId('sha256')).toHaveText(createHash('sha256').update(fx.partial.bytes).digest('hex'));
  await expect(main.getByTestId('station-link')).toHaveText(stationA.code);
  const bad = main.locator('tr[data-rejected="true"]');
  await expect(bad).toHaveCount(1);
  await expect(bad).toHaveAttribute('data-line', '2');
  await expect(bad).toContainText('TSS');
  await expect(bad).toContainText('Giá trị không phải là số: “abc”');
  await expect(bad).not.toContainText('not a number');
  await expect(bad.locator('[data-reason-key="not_a_number"]')).toHaveAttribute('title', /not a number: 'abc'/);
  await expect(main.locator('tr[data-line="1"]')).not.toHaveAttribute('data-rejected', 'true');

  // Download the original: exactly the bytes that were received (CRLF included).
  const [download] = await Promise.all([page.waitForEvent('download'), main.getByTestId('download-raw').click()]);
  expect(download.suggestedFilename()).toBe(fx.partial.name);
  const saved = await download.path();
  expect(Buffer.compare(readFileSync(saved), fx.partial.bytes)).toBe(0);

  // The open conflict: stored 45,3 vs new 99,9; marking it reviewed removes it and is recorded.
  await page.goto('/ingest');
  const conflict = main.locator(`[data-testid="conflicts-panel"] tr[data-conflict-id="${fx.conflictId}"]`);
  await expect(conflict).toContainText('45,3');
  await expect(conflict).toContainText('99,9');
  await expect(conflict).toContainText(fx.conflicting.name);
  await conflict.getByRole('button', { name: 'Đánh dấu đã xem' }).click();
  await expect(conflict).toHaveCount(0);
  await expect.poll(async () => (await conflictReview(fx.conflictId)).resolvedBy).toBe(fx.operator.email);
  expect((await conflictReview(fx.conflictId)).audits).toBe(1);
});

test('a facility user sees its own files only; another facility file and its bytes answer 404', async ({ page }) => {
  await login(page, fx.facilityUser);
  await page.goto('/ingest');
  const main = page.locator('main');
  await expect(main.locator(`tr[data-file-id="${fx.partial.id}"]`)).toHaveCount(1);
  await expect(main.locator(`tr[data-file-id="${fx.rejectedOther.id}"]`)).toHaveCount(0);
  // Facility users may look at conflicts but not resolve them.
  await expect(main.getByRole('button', { name: 'Đánh dấu đã xem' })).toHaveCount(0);

  const own = await page.goto(`/ingest/${fx.partial.id}`);
  expect(own?.status()).toBe(200);
  const ownRaw = await page.request.get(`/ingest/${fx.partial.id}/raw`);
  expect(ownRaw.status()).toBe(200);
  expect(Buffer.compare(await ownRaw.body(), fx.partial.bytes)).toBe(0);

  const denied = await page.goto(`/ingest/${fx.rejectedOther.id}`);
  expect(denied?.status()).toBe(404);
  await expect(page.locator('body')).not.toContainText(fx.rejectedOther.name);
  const deniedRaw = await page.request.get(`/ingest/${fx.rejectedOther.id}/raw`);
  expect(deniedRaw.status()).toBe(404);
  const missing = await page.request.get('/ingest/2147483000/raw');
  expect(missing.status()).toBe(404);
});
