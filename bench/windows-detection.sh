#!/usr/bin/env bash
# Measure how soon Windows.eventually notices a loopback /health endpoint flipping from 503 to 200, for several poll
# intervals: the delay from the flip to eventually() returning. Goal: within poll + 50 ms.
# Only 127.0.0.1 is contacted. Extra arguments go to the JVM, e.g. -Dbench.runs=30.
exec "$(dirname "$0")/run-benchmark.sh" org.runbookunit.bench.WindowsDetectionBenchmark "$@"
