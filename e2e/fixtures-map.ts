import type { Locator, Page } from '@playwright/test';

/**
 * The map clusters nearby stations at every zoom, and the shared test database holds stations of many runs at the
 * same places: a journey that needs one station's own marker narrows the map to it by its code first.
 */
export async function markerOf(page: Page, code: string): Promise<Locator> {
  const main = page.locator('main');
  await main.getByLabel('Tìm trạm (mã, tên, cơ sở)…').fill(code);
  return main.locator(`.station-marker[data-station="${code}"]`);
}
