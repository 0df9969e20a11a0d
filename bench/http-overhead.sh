#!/usr/bin/env bash
# Measure what RunbookUnit's Http facade costs over a raw java.net.http.HttpClient: after warm-up, several rounds of
# 200 checks each against a loopback /health endpoint in one JVM (evidence files included for Http); prints per-round
# times, the median per client and the ratio median(Http) / median(raw). Goal: <= 1.3x.
# Only 127.0.0.1 is contacted. Extra arguments go to the JVM, e.g. -Dbench.rounds=9 -Dbench.checks=500.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p core/target
if ! mvn -B -q -pl core -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >core/target/bench-build.log 2>&1; then
  cat core/target/bench-build.log
  exit 1
fi

# Run from a copy of the classes, so a build started elsewhere meanwhile cannot pull them away mid-run.
bench=core/target/bench
rm -rf "$bench"
mkdir -p "$bench" core/target/tmp
cp -r core/target/classes "$bench/classes"
cp -r core/target/test-classes "$bench/test-classes"

exec java -Djava.io.tmpdir=core/target/tmp -Dbench.dir="$bench" "$@" \
    -cp "$bench/test-classes:$bench/classes:$(cat core/target/bench.classpath)" \
    org.runbookunit.bench.HttpOverheadBenchmark
