// @ts-check
// Same browser, flags and trace policy as RunbookUnit's Dashboard: the browser DashboardBenchmark names in BROWSER
// (Debian's headless shell or Chromium; no Playwright download), one
// worker, a fresh context per test, a trace recorded for every test and kept only on failure.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: './tests',
  workers: 1,
  retries: 0,
  reporter: [['json', { outputFile: process.env.BENCH_JSON || 'results.json' }], ['line']],
  outputDir: process.env.BENCH_OUTPUT || 'test-results',
  use: {
    baseURL: process.env.BASE_URL,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.BROWSER || '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync'],
    },
  },
});
