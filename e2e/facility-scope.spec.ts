import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';

const fx = fixturePerFile(createUiFixture);

test('a facility user sees only its own stations, on the map and in the list, and gets 404 elsewhere', async ({ page }) => {
  await login(page, fx.facilityUser);
  const own = fx.facilityA.stations.map((s) => s.code);
  const other = fx.facilityB.stations.map((s) => s.code);

  // Map: exactly the facility's stations (the database may hold other runs' stations too).
  const main = page.locator('main');
  for (const code of own) await expect(main.locator(`.station-marker[data-station="${code}"]`)).toHaveCount(1);
  await expect(main.locator('.station-marker')).toHaveCount(own.length);
  for (const code of other) await expect(main.locator(`.station-marker[data-station="${code}"]`)).toHaveCount(0);

  // Station list.
  await page.goto('/stations');
  const rows = page.locator('main [data-testid="stations-table"] tbody tr');
  await expect(rows).toHaveCount(own.length);
  for (const code of own) await expect(page.locator(`main tr[data-station="${code}"]`)).toHaveCount(1);
  for (const code of other) await expect(page.locator(`main tr[data-station="${code}"]`)).toHaveCount(0);

  // Its own station page opens; another facility's answers 404, like a station that does not exist.
  const ownCode = own[0];
  const otherCode = other[0];
  if (!ownCode || !otherCode) throw new Error('fixture has stations in both facilities');
  const ok = await page.goto(`/stations/${ownCode}`);
  expect(ok?.status()).toBe(200);
  await expect(page.locator('main h1')).toContainText(fx.facilityA.stations[0]?.name ?? '');

  const denied = await page.goto(`/stations/${otherCode}`);
  expect(denied?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(fx.facilityB.name);

  // Administration is not for facility users.
  await page.goto('/admin');
  await expect(page).not.toHaveURL(/\/admin/);
});
