import { expect, test, type APIResponse } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';

/**
 * The security headers as the production server (`next start`) sends them — on pages, API answers and static files —
 * and a Content-Security-Policy that the map, charts and sign-in actually work under (no refusal in the console).
 */
const fx = fixturePerFile(createUiFixture);

function expectSecurityHeaders(res: APIResponse, what: string): void {
  const h = res.headers();
  expect(h['content-security-policy'], what).toContain("default-src 'self'");
  expect(h['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy'], what).toContain("object-src 'none'");
  // Production build: no eval for scripts, no websocket sources (those are for the dev server only).
  expect(h['content-security-policy'], what).not.toContain('unsafe-eval');
  expect(h['content-security-policy'], what).not.toContain('ws:');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toContain('geolocation=()');
  expect(h['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(h['x-powered-by'], what).toBeUndefined();
}

test('pages, API answers and static files carry the security headers', async ({ request }) => {
  for (const [path, status] of [
    ['/login', 200],
    ['/map', null], // a redirect to the sign-in page for an anonymous visitor: headers all the same
    ['/api/v1/health', null],
    ['/api/v1/stations', 401],
    ['/geo/vn-provinces-ne10m.geojson', 200],
  ] as const) {
    const res = await request.get(path, { maxRedirects: 0 });
    if (status !== null) expect(res.status(), path).toBe(status);
    expectSecurityHeaders(res, path);
  }
});

test('signing in, the map and a station page work under the Content-Security-Policy', async ({ page }) => {
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) refusals.push(m.text());
  });
  await login(page, fx.operator);
  await expect(page.locator('.leaflet-container')).toBeVisible();
  await expect(page.locator('.station-marker, .marker-cluster').first()).toBeVisible();
  const station = fx.facilityA.stations[0]!;
  await page.goto(`/stations/${station.code}`);
  await expect(page.locator('main').getByTestId('station-head')).toBeVisible();
  expect(refusals).toEqual([]);
});
