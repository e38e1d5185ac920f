import { expect, test } from '@playwright/test';
import { insertAlertEvent, insertAlertIfNoneActive } from '../lib/db/alerts';
import { createUser } from '../lib/db/users';
import { hashPassword } from '../lib/services/accounts';
import { createFacilityWithStation, uid } from '../tests/support/fixtures';
import { fixturePerFile, login } from './fixtures';

/**
 * The inspector's journey over instant-exceedance episodes (DOMAIN.md §8): the open list newest first, a disposition on
 * a confirmed episode, and the brief (unconfirmed) episodes filtered away. Data created here through lib/db, unique codes.
 */
const PASSWORD = 'Mat-khau-e2e-episodes-1';
const MIN = 60_000;

async function createEpisodesFixture() {
  const runId = uid();
  const now = Date.now();
  const { station } = await createFacilityWithStation({
    code: `EP${runId}`,
    name: `Công ty Dệt Phố Nối ${runId}`,
    station: {
      name: `Trạm nước thải Phố Nối ${runId}`,
      lat: 20.94,
      lon: 106.05,
      activeFrom: new Date(now - 2 * 86_400_000),
      parameters: [
        { parameter: 'COD', limitMax: 75 },
        { parameter: 'TSS', limitMax: 50 },
        { parameter: 'NH4', limitMax: 5 },
      ],
    },
  });
  const open = async (parameter: string, minutesAgo: number, value: number, limitValue: number, confirmed: boolean, count: number) => {
    const at = new Date(now - minutesAgo * MIN);
    const { row } = await insertAlertIfNoneActive({
      stationId: station.id,
      parameter,
      kind: 'instant_exceedance',
      at,
      value,
      limitValue,
      basis: '5min',
      averageValue: null,
      completeness: null,
      limitDerivation: null,
      periodStart: null,
      periodEnd: null,
      disposition: null,
      reopenedByRecompute: false,
      suppressed: false,
      confirmed,
      confirmedAt: confirmed ? new Date(at.getTime() + 10 * MIN) : null,
      runLength: count,
    });
    await insertAlertEvent({ alertId: row.id, type: 'opened', actor: 'system', at, data: { value, limit: limitValue } });
    return row.id;
  };
  // Oldest first: a confirmed COD episode (3 h ago), a confirmed TSS episode (1 h ago), a brief NH4 blip (20 min ago).
  const codId = await open('COD', 180, 92.4, 75, true, 4);
  const tssId = await open('TSS', 60, 61.8, 50, true, 3);
  const briefId = await open('NH4', 20, 5.6, 5, false, 1);
  const u = await createUser({
    email: `inspector.episodes.${runId.toLowerCase()}@e2e.quantrac.test`,
    name: `Thanh tra đợt ${runId}`,
    passwordHash: await hashPassword(PASSWORD),
    role: 'inspector',
    facilityId: null,
  });
  return { station: { id: station.id, code: station.code, name: station.name }, codId, tssId, briefId, inspector: { email: u.email, password: PASSWORD, name: u.name } };
}

const fx = fixturePerFile(createEpisodesFixture);

test('an inspector works the open list newest first, concludes a confirmed instant exceedance and filters brief episodes away', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, fx.inspector);

  // The open list of the station: newest opening first, the brief blip listed and marked as such.
  await page.goto(`/alerts?station=${encodeURIComponent(fx.station.code)}&state=open`);
  const main = page.locator('main');
  const rows = main.locator('[data-testid="alerts-table"] tbody tr');
  await expect(rows).toHaveCount(3);
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-alert-id'))));
  expect(ids).toEqual([fx.briefId, fx.tssId, fx.codId]);
  await expect(rows.nth(0).locator('[data-episode="brief"]')).toBeVisible();
  await expect(rows.nth(1).locator('[data-episode="confirmed"]')).toBeVisible();
  await expect(rows.nth(2).locator('[data-episode="confirmed"]')).toBeVisible();
  await expect(rows.nth(2)).toContainText('Vượt ngưỡng tức thời');

  // Brief episodes filtered away through the filter form.
  const filters = main.getByTestId('alert-filters');
  await filters.getByLabel('Đợt cảnh báo').selectOption('confirmed');
  await filters.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/episode=confirmed/);
  await expect(rows).toHaveCount(2);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-alert-id'))))).toEqual([fx.tssId, fx.codId]);
  await expect(main.locator(`tr[data-alert-id="${fx.briefId}"]`)).toHaveCount(0);

  // The older confirmed COD episode: acknowledge, then a disposition.
  await main.locator(`tr[data-alert-id="${fx.codId}"]`).getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/alerts/${fx.codId}$`));
  await expect(main.getByTestId('alert-heading')).toContainText(`COD tại ${fx.station.name}`);
  await main.getByRole('button', { name: 'Tiếp nhận cảnh báo' }).click();
  await expect(main.locator('[data-alert-state="acknowledged"]').first()).toBeVisible();
  const form = main.getByTestId('disposition-form');
  await form.getByLabel('Kết luận').selectOption('confirmed_violation');
  await form.getByLabel('Ghi chú').fill('Vượt COD liên tục 4 giá trị; yêu cầu cơ sở giải trình.');
  await form.getByRole('button', { name: 'Lưu kết luận' }).click();
  await expect(form.getByRole('status')).toHaveText('Đã lưu kết luận.');
  const disp = main.getByTestId('alert-history').locator('li[data-event-type="disposition"]');
  await expect(disp).toHaveCount(1);
  await expect(disp).toContainText('Xác nhận vi phạm');
  await expect(disp).toContainText(fx.inspector.email);

  // Back on the open list the concluded episode has left it; the confirmed TSS episode is next to work on.
  await page.goto(`/alerts?station=${encodeURIComponent(fx.station.code)}&state=open&episode=confirmed`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-alert-id', String(fx.tssId));
});
