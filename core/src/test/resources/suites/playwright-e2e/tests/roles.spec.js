// @ts-check
// 40 checks of the roles page in one browser page per worker (opened once, like a user reading the page): the title,
// the heading, and each of the 38 role rows with its demand.
const { test, expect } = require('@playwright/test');

/** @type {import('@playwright/test').Page} */
let page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await page.goto('/roles');
});

test.afterAll(async () => {
  await page.close();
});

test('roles page has the dashboard title', async () => {
  await expect(page).toHaveTitle('Air Demand');
});

test('roles page shows the heading', async () => {
  await expect(page.getByRole('heading', { name: 'Paraform Roles' })).toBeVisible();
});

for (let row = 1; row <= 38; row++) {
  test(`role ${row} is listed with its demand`, async () => {
    await expect(page.locator(`#roles tbody tr:nth-child(${row}) td.demand`)).toHaveText(/^\d+$/);
  });
}
