// @ts-check
// Debian's Chromium (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1, no Playwright download), JUnit XML for Suites to read.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: './tests',
  workers: 2,
  retries: 0,
  timeout: 15000,
  expect: { timeout: 2000 },
  reporter: [['junit', { outputFile: 'results/junit.xml' }], ['line']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.BASE_URL,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.BROWSER || '/usr/bin/chromium',
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
