import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';
import { markerOf } from './fixtures-map';

const fx = fixturePerFile(createUiFixture);

test('an operator signs in and the map shows every station of the fixture', async ({ page }) => {
  await login(page, fx.operator);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { name: 'Bản đồ trạm quan trắc' })).toBeVisible();

  const codes = [...fx.facilityA.stations, ...fx.facilityB.stations].map((s) => s.code);
  for (const code of codes) {
    await expect(await markerOf(page, code)).toHaveCount(1);
  }

  // The station that sent a file just now is receiving; one that never sent is offline.
  const [receiving, silent] = fx.facilityA.stations;
  if (!receiving || !silent) throw new Error('fixture has two stations in facility A');
  await expect(await markerOf(page, silent.code)).toHaveAttribute('data-state', 'offline');
  await expect(await markerOf(page, receiving.code)).toHaveAttribute('data-state', 'good');

  // The popup names the station and links to its page.
  await main.locator(`.station-marker[data-station="${receiving.code}"]`).click();
  const popup = main.locator(`[data-popup-station="${receiving.code}"]`);
  await expect(popup).toBeVisible();
  await expect(popup).toContainText(receiving.name);
  await expect(popup.getByRole('link', { name: /Xem chi tiết trạm/ })).toHaveAttribute('href', `/stations/${receiving.code}`);

  // The shell shows who is signed in and in which role; operators have no admin entry.
  await expect(page.getByTestId('current-user')).toContainText('Cán bộ vận hành');
  await expect(page.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
});
