#!/usr/bin/env bash
# Time to a ready air-demand stack (PostgreSQL + sample service), cold (first start in the JVM) and warm, in containers
# (Testcontainers on the local engine; run scripts/airgap-docker.sh first) and without Docker (local PostgreSQL binaries
# + the service in-process). Goal: <= 5 s cold, <= 3 s warm. Only loopback and local containers are contacted.
# To time a cold image build too, remove the service image first: docker rmi runbookunit/api
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
BENCH_MODULE=examples exec "$(dirname "$0")/run-benchmark.sh" org.runbookunit.examples.RehearsalStartupBenchmark "$@"
