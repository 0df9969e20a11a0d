#!/usr/bin/env bash
# A stand-in for a team's own test script: runs PASSED + FAILED checks and writes them as a Surefire-style JUnit XML
# report. Usage: junit-suite.sh PASSED FAILED REPORT
set -euo pipefail
passed=$1 failed=$2 report=$3
echo "running $((passed + failed)) smoke checks against ${BASE_URL:-nowhere} as ${API_TOKEN:+a token holder}"
echo "token in use: ${API_TOKEN:-none}"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo "<testsuite name=\"smoke\" tests=\"$((passed + failed))\" failures=\"$failed\" errors=\"0\" skipped=\"0\">"
  for i in $(seq 1 "$passed"); do echo "  <testcase classname=\"smoke.Health\" name=\"check $i\" time=\"0.01\"/>"; done
  for i in $(seq 1 "$failed"); do
    echo "  <testcase classname=\"smoke.Orders\" name=\"order $i\" time=\"0.02\">"
    echo "    <failure message=\"expected 200 but was 503\" type=\"AssertionError\">stack of order $i</failure>"
    echo "  </testcase>"
  done
  echo '</testsuite>'
} >"$report"
[ "$failed" -eq 0 ]
