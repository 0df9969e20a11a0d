// @ts-check
// 30 checks of the "Paraform Roles" page, read in one page per worker as a user would: title, heading, summary,
// column headers, date filters and the first 20 rendered rows.
const { test, expect } = require('@playwright/test');

/** @type {import('@playwright/test').Page} */
let page;

test.beforeAll(async ({ browser, baseURL }) => {
  page = await browser.newPage({ baseURL });
  await page.goto('./');
  await expect(page.locator('#roles tbody tr').first()).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

test('has the dashboard title', async () => {
  await expect(page).toHaveTitle('Air Demand Dashboard');
});

test('shows the Paraform Roles heading', async () => {
  await expect(page.getByRole('heading', { name: 'Paraform Roles' })).toBeVisible();
});

test('summarises the roles loaded from the API', async () => {
  await expect(page.locator('#summary')).toHaveText(/^Showing 50 of \d+ roles$/);
});

for (const column of ['Title', 'Company', 'Location', 'Qualified', 'First seen']) {
  test(`has the ${column} column`, async () => {
    await expect(page.locator('#roles thead th', { hasText: column })).toBeVisible();
  });
}

for (const filter of ['range-all', 'range-7']) {
  test(`offers the ${filter} filter`, async () => {
    await expect(page.locator(`#${filter}`)).toBeVisible();
  });
}

for (let row = 1; row <= 20; row++) {
  test(`role row ${row} shows title, company, location, qualified and first seen`, async () => {
    const cells = page.locator(`#roles tbody tr:nth-child(${row}) td`);
    await expect(cells).toHaveCount(5);
    await expect(cells.nth(3)).toHaveText(/^(yes|no)$/);
    await expect(cells.nth(4)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  });
}
