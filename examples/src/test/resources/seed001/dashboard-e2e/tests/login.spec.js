// @ts-check
// 10 checks of the login page, read in one page per worker.
const { test, expect } = require('@playwright/test');

/** @type {import('@playwright/test').Page} */
let page;

test.beforeAll(async ({ browser, baseURL }) => {
  page = await browser.newPage({ baseURL });
  await page.goto('./login');
});

test.afterAll(async () => {
  await page.close();
});

test('has the login title', async () => {
  await expect(page).toHaveTitle('Air Demand Login');
});

test('shows the Sign in heading', async () => {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('has the login form', async () => {
  await expect(page.locator('form#login')).toBeVisible();
});

test('has a username field', async () => {
  await expect(page.locator('#username')).toBeVisible();
});

test('has a password field', async () => {
  await expect(page.locator('#password')).toBeVisible();
});

test('masks the password', async () => {
  await expect(page.locator('#password')).toHaveAttribute('type', 'password');
});

test('lets the browser fill the username', async () => {
  await expect(page.locator('#username')).toHaveAttribute('autocomplete', 'username');
});

test('lets the browser fill the password', async () => {
  await expect(page.locator('#password')).toHaveAttribute('autocomplete', 'current-password');
});

test('has a Login button', async () => {
  await expect(page.getByRole('button', { name: 'Login' })).toBeVisible();
});

test('labels both fields', async () => {
  await expect(page.locator('label[for=username], label[for=password]')).toHaveCount(2);
});
