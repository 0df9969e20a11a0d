// @ts-check
// 8 checks of the reports API the dashboard reads; the server under test answers 503, so all 8 fail as they would
// against a broken deploy. They use Playwright's request context: a failed test restarts its worker, not a browser.
const { test, expect } = require('@playwright/test');

for (let report = 1; report <= 8; report++) {
  test(`report ${report} opens`, async ({ request }) => {
    const response = await request.get(`/reports/${report}`);
    expect(response.status(), `GET /reports/${report}`).toBe(200);
  });
}
