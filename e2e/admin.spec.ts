import { expect as baseExpect, test, type Page } from '@playwright/test';
import { closeFixtureDb, PASSWORD } from './fixtures';
import { createUser } from '../lib/db/users';
import { formatDate } from '../lib/domain/time';
import { hashPassword } from '../lib/services/accounts';

/**
 * An admin manages the network from /admin: creates a facility, a station with two parameters, a facility user and
 * an FTP account (each secret shown once), and then finds each change, with its values, in the audit log.
 * Own data with codes unique to this run; no demo seed.
 */
// The machine is shared with other test runs: give server round trips more time than the default 15 s.
const expect = baseExpect.configure({ timeout: 40_000 });
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
const admin = { email: `admin-${run.toLowerCase()}@e2e.vn`, password: PASSWORD };
const facility = `AF${run}`;
const station = `${facility}_NT01`;
const userEmail = `coso-${run.toLowerCase()}@e2e.vn`;
const ftpUser = `ftp${run.toLowerCase()}`;

test.beforeAll(async () => {
  await createUser({ email: admin.email, name: 'Quản trị E2E', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
});

test.afterAll(async () => {
  await closeFixtureDb();
});

const main = (page: Page) => page.locator('main');

/** As fixtures' login, with more patience: this machine is shared and a first sign-in (bcrypt, cold server) can be slow. */
async function login(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel(/Mật khẩu|Password/).fill(user.password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await expect(page).toHaveURL(/\/map$/, { timeout: 45_000 });
}

async function openSubnav(page: Page, label: string, heading: string) {
  await main(page).getByTestId('admin-subnav').getByRole('link', { name: label, exact: true }).click();
  await expect(main(page).locator('h1')).toHaveText(heading);
}

test('an admin creates a facility, a station with two parameters, a facility user and an FTP account, then audits them', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await login(page, admin);
  await page.goto('/admin');
  await expect(main(page).getByTestId('admin-subnav')).toBeVisible();
  for (const label of ['Cơ sở', 'Trạm', 'Tài khoản', 'Tài khoản FTP', 'API token', 'Giới hạn', 'Bảo trì', 'Nhật ký']) {
    await expect(main(page).getByTestId('admin-subnav').getByRole('link', { name: label, exact: true })).toBeVisible();
  }

  // Facility.
  await openSubnav(page, 'Cơ sở', 'Cơ sở');
  await main(page).getByText('Thêm cơ sở').click();
  const ff = main(page).getByTestId('facility-create-form');
  await ff.locator('input[name="code"]').fill(facility);
  await ff.locator('input[name="name"]').fill(`Nhà máy E2E ${run}`);
  await ff.locator('input[name="province"]').fill('Bắc Ninh');
  await ff.locator('input[name="contactEmail"]').fill('moitruong@e2e.vn');
  await ff.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(ff.getByRole('status')).toContainText('Đã lưu.');
  await expect(main(page).locator(`[data-testid="admin-facility-table"] tr[data-facility="${facility}"]`)).toContainText('Bắc Ninh');

  // Station with COD (with an alias) and pH, located with decimal commas.
  await openSubnav(page, 'Trạm', 'Trạm quan trắc');
  await main(page).getByText('Thêm trạm').click();
  const sf = main(page).getByTestId('station-create-form');
  await sf.locator('input[name="code"]').fill(station);
  await sf.locator('input[name="fileCode"]').fill(`${facility}_NT01`);
  await sf.locator('input[name="name"]').fill('Trạm nước thải E2E');
  await sf.locator('select[name="kind"]').selectOption('wastewater');
  await sf.locator('select[name="facilityCode"]').selectOption(facility);
  await sf.locator('input[name="lat"]').fill('21,27');
  await sf.locator('input[name="lon"]').fill('106,19');
  await sf.getByRole('checkbox', { name: 'COD', exact: true }).check();
  await sf.getByRole('checkbox', { name: 'PH', exact: true }).check();
  await sf.locator('input[name="aliases.COD"]').fill('COD-ONLINE');
  await sf.getByRole('button', { name: 'Tạo mới' }).click();
  await expect(sf.getByRole('status')).toContainText('Đã lưu.');
  const row = main(page).locator(`[data-testid="admin-station-table"] tr[data-station="${station}"]`);
  // Parameters are listed in registry order.
  await expect(row).toContainText('PH, COD');
  await row.getByRole('link', { name: station }).click();
  await expect(main(page).locator('[data-testid="station-parameter-table"] tbody tr')).toHaveCount(2);
  await expect(main(page).locator('[data-testid="station-parameter-table"] tr[data-parameter="COD"] input[name="aliases"]')).toHaveValue(
    'COD-ONLINE',
  );

  // A facility user: the generated password is shown once and works.
  await openSubnav(page, 'Tài khoản', 'Tài khoản người dùng');
  await main(page).getByText('Thêm tài khoản').click();
  const uf = main(page).getByTestId('user-create-form');
  await uf.locator('input[name="email"]').fill(userEmail);
  await uf.locator('input[name="name"]').fill('Cán bộ cơ sở');
  await uf.locator('select[name="role"]').selectOption('facility');
  await uf.locator('select[name="facilityCode"]').selectOption(facility);
  await uf.getByRole('button', { name: 'Tạo mới' }).click();
  const userSecret = (await uf.getByTestId('one-time-secret').locator('code').textContent())?.trim() ?? '';
  expect(userSecret).toMatch(/^[A-Za-z0-9_-]{20}$/);
  const userRow = main(page).locator(`[data-testid="admin-user-table"] tr[data-user="${userEmail}"]`);
  await expect(userRow.locator('select[name="role"]')).toHaveValue('facility');
  await expect(userRow.locator('select[name="facilityCode"]')).toHaveValue(facility);
  const other = await browser.newContext();
  const facilityPage = await other.newPage();
  await login(facilityPage, { email: userEmail, password: userSecret });
  await other.close();

  // An FTP account for the facility.
  await openSubnav(page, 'Tài khoản FTP', 'Tài khoản FTP');
  await main(page).getByText('Thêm tài khoản FTP').click();
  const ftpForm = main(page).getByTestId('ftp-create-form');
  await ftpForm.locator('input[name="username"]').fill(ftpUser);
  await ftpForm.locator('select[name="facilityCode"]').selectOption(facility);
  await ftpForm.getByRole('button', { name: 'Tạo mới' }).click();
  const ftpSecret = (await ftpForm.getByTestId('one-time-secret').locator('code').textContent())?.trim() ?? '';
  expect(ftpSecret).toMatch(/^[A-Za-z0-9_-]{20}$/);
  await expect(main(page).locator(`[data-testid="admin-ftp-table"] tr[data-ftp="${ftpUser}"]`)).toContainText(facility);

  // The audit log shows each change by this admin, today (dd/MM/yyyy, Vietnam time), with its values.
  await openSubnav(page, 'Nhật ký', 'Nhật ký thay đổi');
  const today = formatDate(new Date());
  const filters = main(page).getByTestId('audit-filters');
  await filters.locator('input[name="actor"]').fill(admin.email);
  await filters.locator('input[name="from"]').fill(today);
  await filters.locator('input[name="to"]').fill(today);
  await filters.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/actor=/);
  const table = main(page).getByTestId('audit-table');
  const entry = (action: string, id: string) => table.locator(`tr[data-action="${action}"][data-entity-id="${id}"]`);
  await expect(entry('facility.create', facility)).toContainText('Bắc Ninh');
  await expect(entry('station.create', station)).toContainText('Trạm nước thải E2E');
  await expect(entry('station.create', station).locator('[data-key="parameters"]')).toContainText('COD');
  await expect(entry('station.aliases', station)).toContainText('COD-ONLINE');
  await expect(table.locator('tr[data-action="user.create"]')).toContainText(userEmail);
  await expect(entry('ftp_account.create', ftpUser)).toContainText(facility);
  await expect(table.locator('tr[data-audit-id]').first()).toContainText(today);
  // Secrets never reach the log.
  await expect(main(page)).not.toContainText(userSecret);
  await expect(main(page)).not.toContainText(ftpSecret);

  // Filtering by entity narrows the list.
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}&entity=ftp_account`);
  await expect(table.locator('tr[data-audit-id]')).toHaveCount(1);
  await expect(table.locator('tr[data-audit-id]')).toHaveAttribute('data-action', 'ftp_account.create');
});
