#!/usr/bin/env bash
# Measure what RunbookUnit's Http facade costs over a raw java.net.http.HttpClient: after warm-up, several rounds of
# 200 checks each against a loopback /health endpoint in one JVM (evidence files included for Http), each round starting
# with another client. Besides the two it times bare REST Assured on its defaults (the floor for a facade that keeps it
# as its engine) and the raw client opening a connection per check, as Http and REST Assured do. Prints per-round
# times, the median per client and the ratio median(Http) / median(raw). Goal: <= 1.3x.
# Only 127.0.0.1 is contacted. Extra arguments go to the JVM, e.g. -Dbench.rounds=9 -Dbench.checks=500.
exec "$(dirname "$0")/run-benchmark.sh" org.runbookunit.bench.HttpOverheadBenchmark "$@"
