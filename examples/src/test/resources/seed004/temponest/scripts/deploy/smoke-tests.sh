#!/bin/sh
# temponest smoke tests (seed 004, 7.1 and 12.5): WEB_UI_URL and AGENTS_URL name the deployment; the JUnit XML goes to
# JUNIT_XML (default test-results/smoke.xml). Exit code: pytest's.
set -eu
cd "$(dirname "$0")/../.."
exec python3 -m pytest -q scripts/deploy/smoke --junitxml "${JUNIT_XML:-test-results/smoke.xml}"
