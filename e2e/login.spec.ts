import { expect, test } from '@playwright/test';
import { createUiFixture, fixturePerFile, login } from './fixtures';

const fx = fixturePerFile(createUiFixture);

test('a wrong password is refused with a clear message and the user stays on /login', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(fx.operator.email);
  await page.getByLabel('Mật khẩu').fill(`${fx.operator.password}-sai`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await expect(page.locator('.form-error')).toHaveText('Email hoặc mật khẩu không đúng');
  await expect(page).toHaveURL(/\/login/);

  // Pages stay closed.
  await page.goto('/map');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown e-mail gets the same message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(`nobody.${fx.runId.toLowerCase()}@e2e.quantrac.test`);
  await page.getByLabel('Mật khẩu').fill('whatever-123');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('.form-error')).toHaveText('Email hoặc mật khẩu không đúng');
  await expect(page).toHaveURL(/\/login/);
});

test('sign in, switch to English, sign out', async ({ page }) => {
  await login(page, fx.admin);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.locator('main h1')).toHaveText('Monitoring station map');
  await page.getByRole('button', { name: 'VI', exact: true }).click();
  await expect(page.locator('main h1')).toHaveText('Bản đồ trạm quan trắc');

  await page.getByRole('link', { name: 'Quản trị' }).click();
  await expect(page.getByTestId('admin-users')).toContainText(fx.operator.email);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/stations');
  await expect(page).toHaveURL(/\/login/);
});
