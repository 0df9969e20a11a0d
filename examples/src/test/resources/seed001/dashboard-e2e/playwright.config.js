// @ts-check
// BASE_URL is the dashboard's URL (http://host:port/dashboard); Debian's Chromium, never a Playwright download;
// JUnit XML for the runbook's Suites step, the line reporter for people.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: './tests',
  workers: 2,
  retries: 0,
  timeout: 15000,
  expect: { timeout: 3000 },
  reporter: [['junit', { outputFile: 'results/junit.xml' }], ['line']],
  outputDir: 'test-results',
  use: {
    baseURL: (process.env.BASE_URL || 'http://127.0.0.1:8123/dashboard').replace(/\/?$/, '/'),
    trace: 'off',
    launchOptions: {
      executablePath: process.env.BROWSER || '/usr/bin/chromium',
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    },
  },
});
