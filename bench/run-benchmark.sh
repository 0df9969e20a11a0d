#!/usr/bin/env bash
# Run one benchmark main class from a module's test sources (core unless BENCH_MODULE names another): build the module,
# copy its classes (so a build started elsewhere cannot pull them away mid-run) and run the class with the test class
# path. Usage: [BENCH_MODULE=examples] bench/run-benchmark.sh CLASS [JVM args]
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift

module=${BENCH_MODULE:-core}

mkdir -p "$module/target"
if ! mvn -B -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >"$module/target/bench-build.log" 2>&1; then
  cat "$module/target/bench-build.log"
  exit 1
fi

cd "$module"
bench=target/bench
rm -rf "$bench"
mkdir -p "$bench" target/tmp
cp -r target/classes "$bench/classes"
cp -r target/test-classes "$bench/test-classes"

# bench.jvm.launch.ms: when the JVM was launched, for benchmarks that report JVM start-up. Runs in the module's folder.
exec java -Djava.io.tmpdir=target/tmp -Dbench.dir="$bench" -Dbench.jvm.launch.ms="$(date +%s%3N)" "$@" \
    -cp "$bench/test-classes:$bench/classes:$(cat target/bench.classpath)" "$main"
