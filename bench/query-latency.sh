#!/usr/bin/env bash
# Compare Database.queryLatency's p50/p95/p99 with a raw JDBC loop timing the same prepared query, on a PostgreSQL
# started under core/target (Debian's postgresql-15 binaries, loopback only). Extra arguments go to the JVM, e.g.
# -Dbench.runs=5000 -Dbench.rounds=9.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p core/target
if ! mvn -B -q -pl core -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >core/target/bench-build.log 2>&1; then
  cat core/target/bench-build.log
  exit 1
fi

bench=core/target/bench-db-classes
rm -rf "$bench"
mkdir -p "$bench" core/target/tmp
cp -r core/target/classes "$bench/classes"
cp -r core/target/test-classes "$bench/test-classes"

cd core
exec java -Djava.io.tmpdir=target/tmp "$@" \
    -cp "../$bench/test-classes:../$bench/classes:$(cat target/bench.classpath)" \
    org.runbookunit.bench.QueryLatencyBenchmark
