import { expect, test, type Page } from '@playwright/test';
import { appendAudit } from '../lib/db/audit';
import { addLedgerFiles, createUiFixture, fixturePerFile, login } from './fixtures';

const fx = fixturePerFile(async () => {
  const ui = await createUiFixture({ withReadings: true });
  await addLedgerFiles(ui.facilityA.stations[0]!);
  // Audit entries as the review and the exports write them: coded actions, state transitions and UTC instants.
  const actor = `user:${ui.admin.email}`;
  await appendAudit({ actor, action: 'alert.disposition', entity: 'alert', entityId: 1, before: { disposition: 'pending_review', dueAt: '2026-12-07T15:30:00.000Z' }, after: { disposition: 'confirmed_violation', dueAt: null } });
  await appendAudit({ actor, action: 'report.export', entity: 'export', after: { report: 'completeness' } });
  await appendAudit({ actor, action: 'alert.acknowledge', entity: 'alert', entityId: 1, before: { state: 'open' }, after: { state: 'acknowledged' } });
  return ui;
});

/**
 * Words and raw codes that must not show on a Vietnamese page (seen on main before issue 18): English reason texts,
 * state and disposition codes, audit action codes, untranslated values, broken renders.
 */
const FORBIDDEN: readonly (string | RegExp)[] = [
  /\bstation\b/i,
  /\bpending_review\b/,
  /\bconfirmed_violation\b/,
  /\backnowledged\b/,
  /\bdevice_error\b/,
  /\bnot_in_use\b/,
  /\breport\.export\b/,
  /\balert\.(disposition|acknowledge)\b/,
  /\bunknown station\b/i,
  /\bnot a number\b/i,
  /\blines rejected\b/i,
  /name does not match/i,
  /<PROVINCE>|<FACILITY>|<STATION>/,
  /\bgood\b/,
  /\bsuspect\b/,
  /\bLoading\b/,
  /\bundefined\b/,
  /\bNaN\b/,
  /Invalid Date/,
  /Attempted to call/,
  /mm\/dd\/yyyy/i,
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
];

async function expectVietnamese(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  // Placeholders of a configured path template ({station}, {yyyy}) are configuration, not words.
  const text = (await page.locator('body').innerText()).replace(/\{[a-z]+\}/gi, '');
  const found = FORBIDDEN.filter((w) => (typeof w === 'string' ? text.includes(w) : w.test(text))).map(String);
  expect(found, `${path} shows English or raw codes`).toEqual([]);
}

test('Vietnamese pages show no English words or raw codes from a fixed list', async ({ page }) => {
  test.setTimeout(120_000);
  const station = fx.facilityA.stations[0]!;
  await login(page, fx.admin);
  for (const path of ['/map', '/stations', `/stations/${station.code}`, '/alerts', `/connectivity?station=${station.code}`, '/ingest', '/qc', '/forwarding']) {
    await expectVietnamese(page, path);
  }
  await expectVietnamese(page, `/admin/audit?actor=${encodeURIComponent(fx.admin.email)}`);
  // The audit entries read as labels, the transition in words, the time in Vietnam.
  const table = page.locator('main').getByTestId('audit-table');
  await expect(table.locator('tr[data-action="report.export"]')).toContainText('Xuất báo cáo');
  const disposition = table.locator('tr[data-action="alert.disposition"]');
  await expect(disposition).toContainText('Chờ xem xét');
  await expect(disposition).toContainText('Xác nhận vi phạm');
  await expect(disposition).toContainText('07/12/2026 22:30');
  await page.context().clearCookies();
  await expectVietnamese(page, '/public');
});
