// @ts-check
// 8 checks of features on the dashboard's roadmap that it does not have yet: they fail, as the 8 of seed 001's 48 did.
// They read the served HTML with Playwright's request context (a failed test restarts its worker, not a browser).
const { test, expect } = require('@playwright/test');

const roadmap = {
  'exports roles as CSV': 'id="export-csv"',
  'searches roles by title': 'id="search"',
  'pages through more than 50 roles': 'id="next-page"',
  'sorts roles by company': 'data-sort="company"',
  'links each role to its detail page': 'class="role-link"',
  'filters the last 30 days': 'id="range-30"',
  'saves filters per user': 'id="save-filters"',
  'switches to dark mode': 'id="dark-mode"',
};

for (const [feature, marker] of Object.entries(roadmap)) {
  test(`dashboard ${feature}`, async ({ request }) => {
    const html = await (await request.get('./')).text();
    expect(html, feature).toContain(marker);
  });
}
