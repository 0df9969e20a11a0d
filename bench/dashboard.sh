#!/usr/bin/env bash
# Time RunbookUnit's Dashboard against the same checks written with @playwright/test: the first step (Playwright
# driver and Chromium start included) and the later ones (a fresh browser context each), one worker, Debian's
# Chromium for both, a loopback page whose table is filled by an XHR. Prints both sides' figures and wall times.
# Installs @playwright/test into bench/dashboard-playwright (never a browser: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
# Only 127.0.0.1 is contacted. Extra arguments go to the JVM, e.g. -Dbench.steps=41.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d bench/dashboard-playwright/node_modules/@playwright/test ]; then
  (cd bench/dashboard-playwright && npm install --no-audit --no-fund --loglevel=error)
fi
exec bench/run-benchmark.sh org.runbookunit.bench.DashboardBenchmark -Dbench.npm="$PWD/bench/dashboard-playwright" "$@"
