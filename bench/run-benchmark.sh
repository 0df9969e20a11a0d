#!/usr/bin/env bash
# Run one benchmark main class from core's test sources: build core, copy its classes (so a build started elsewhere
# cannot pull them away mid-run) and run the class with the test class path. Usage: bench/run-benchmark.sh CLASS [JVM args]
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift

mkdir -p core/target
if ! mvn -B -q -pl core -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >core/target/bench-build.log 2>&1; then
  cat core/target/bench-build.log
  exit 1
fi

bench=core/target/bench
rm -rf "$bench"
mkdir -p "$bench" core/target/tmp
cp -r core/target/classes "$bench/classes"
cp -r core/target/test-classes "$bench/test-classes"

# bench.jvm.launch.ms: when the JVM was launched, for benchmarks that report JVM start-up.
exec java -Djava.io.tmpdir=core/target/tmp -Dbench.dir="$bench" -Dbench.jvm.launch.ms="$(date +%s%3N)" "$@" \
    -cp "$bench/test-classes:$bench/classes:$(cat core/target/bench.classpath)" "$main"
