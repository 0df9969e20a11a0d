#!/usr/bin/env bash
# Time the first HTTP step of a run in a fresh JVM, run through a JUnit launcher session as Surefire runs it, as
# report.json records it, with runbook.prepare on (REST Assured loaded on a background thread from the runbook class's
# discovery) and off, for a runbook whose first step is HTTP and one with a one-second step before it. One JVM per
# measurement, the variants interleaved; prints each and the medians. Goal: the first HTTP step <= 300 ms on loopback.
# Only 127.0.0.1 is contacted.
# Usage: bench/first-http-step.sh [rounds=5]   (extra JVM args via BENCH_JVM_ARGS, e.g. -XX:TieredStopAtLevel=1)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
log=junit-extension/target/first-http-step.log
mkdir -p junit-extension/target && : >"$log"
for round in $(seq "$rounds"); do
  for shape in first after; do
    for prepare in true false; do
      BENCH_MODULE=junit-extension timeout 120 bench/run-benchmark.sh org.runbookunit.junit.FirstHttpStepBenchmark \
        -Dbench.prepare="$prepare" -Dbench.shape="$shape" ${BENCH_JVM_ARGS:-} 2>&1 | grep '^first HTTP step' | tee -a "$log"
    done
  done
done
echo "medians over $rounds rounds (load average $(cut -d' ' -f1 /proc/loadavg)):"
for shape in first after; do
  for prepare in true false; do
    grep "prepare=$prepare, shape=$shape)" "$log" | sed 's/first HTTP step: \([0-9]*\) ms.*/\1/' | sort -n \
      | awk -v s="$shape" -v p="$prepare" '{v[NR]=$1} END {printf "  shape=%-5s prepare=%-5s %5d ms\n", s, p, v[int((NR+1)/2)]}'
  done
done
