#!/usr/bin/env bash
# Wall time of a runbook phase of 20 independent 500 ms steps run with @Phase(parallel = true) (runbook.parallelism=20),
# next to the same phase run sequentially, interleaved in one run. Goal: the parallel phase within 1.5 s.
# Extra arguments go to the JVM, e.g. -Dbench.runs=9.
BENCH_MODULE=junit-extension exec "$(dirname "$0")/run-benchmark.sh" org.runbookunit.junit.bench.ParallelStepsBenchmark "$@"
