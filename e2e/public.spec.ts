import { expect, test } from '@playwright/test';
import { fixturePerFile } from './fixtures';
import { createAqiFixture } from './fixtures-aqi';

const fx = fixturePerFile(createAqiFixture);

test('an anonymous visitor sees the published AQI with its band colour and advice, in Vietnamese then English', async ({ page }) => {
  await page.goto('/public');
  await expect(page).toHaveURL(/\/public$/);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Chất lượng không khí và nước mặt');

  const card = main.locator(`[data-public-station="${fx.ambient.code}"]`);
  await expect(card).toContainText(fx.ambient.name);
  const index = card.getByTestId('public-index');
  // The newest hour is still inside the 60-minute delay: the current value is the hour before it.
  expect(fx.unpublishedAqi).toBeGreaterThan(100);
  await expect(index).toHaveAttribute('data-value', String(fx.publishedAqi));
  await expect(index).toHaveCSS('background-color', 'rgb(255, 255, 0)');
  await expect(index).toContainText('Trung bình');
  await expect(card.getByTestId('public-dominant')).toHaveText('Bụi PM2,5');
  await expect(card.getByTestId('public-advice')).toContainText('Người nhạy cảm');
  await expect(card.locator('[data-bar="60"]')).not.toHaveCount(0);
  await expect(main.locator('[data-public-marker]').first()).toBeVisible();

  // Only ambient and river stations are public.
  await expect(main.locator(`[data-public-station="${fx.wastewater.code}"]`)).toHaveCount(0);
  await expect(page.getByText(fx.wastewater.name)).toHaveCount(0);

  await main.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Air and surface water quality');
  await expect(card.getByTestId('public-advice')).toContainText('Sensitive people');
  await expect(index).toContainText('Moderate');
  await expect(card.getByTestId('public-dominant')).toHaveText('PM2.5');
});
