// @ts-check
// One test per dashboard step of bench/dashboard.sh: open the roles page, check title, the XHR-rendered text and
// rows, load time under 2 s, no console errors and no failed requests (favicon ignored).
const { test, expect } = require('@playwright/test');

const steps = Number(process.env.BENCH_STEPS || 21);

for (let step = 1; step <= steps; step++) {
  test(`dashboard step ${step}`, async ({ page }) => {
    const consoleErrors = [];
    const failedRequests = [];
    const notFavicon = url => !new URL(url).pathname.endsWith('/favicon.ico');
    page.on('console', message => message.type() === 'error' && notFavicon(message.location().url || 'http://x/')
        && consoleErrors.push(message.text()));
    page.on('pageerror', error => consoleErrors.push(String(error)));
    page.on('requestfailed', request => notFavicon(request.url()) && failedRequests.push(request.url()));
    page.on('response', response => response.status() >= 400 && notFavicon(response.url())
        && failedRequests.push(response.url()));

    const start = Date.now();
    await page.goto('/roles');
    await expect(page).toHaveTitle('Air Demand');
    await expect(page.getByText('Paraform Roles')).toBeVisible();
    await expect(page.locator('#roles tbody tr').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(Date.now() - start).toBeLessThan(2000);
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
}
