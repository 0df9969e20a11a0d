#!/usr/bin/env bash
# Compare Load with wrk on the same loopback endpoint in one run: nginx (worker_processes 1, config and files under
# core/target/load-bench) serves a small static JSON file on a free 127.0.0.1 port; in alternating rounds (so a busy
# machine slows both alike) wrk sends to it with N connections for D seconds, then Load sends a closed-model probe
# with N virtual users for D seconds (after one discarded warm-up probe). Prints each round and the medians of
# requests per second and p50/p95/p99 side by side. Goal: Load >= 50 % of wrk's requests per second with p95
# at most 10 % above wrk's (a p95 below wrk's meets it). With one connection, both measure per-request cost; with
# many, throughput. Only 127.0.0.1 is contacted.
# Usage: bench/load-vs-wrk.sh ["connections ..."="50 1"] [seconds per round=5] [rounds=3]   (extra JVM args via BENCH_JVM_ARGS)
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-"50 1"}
seconds=${2:-5}
rounds=${3:-3}
for tool in nginx wrk java; do
  command -v "$tool" >/dev/null || { echo "load-vs-wrk: [$tool] not found; install it (apt-get install nginx wrk)" >&2; exit 1; }
done

dir=$PWD/core/target/load-bench
rm -rf "$dir" && mkdir -p "$dir/html" "$dir/logs"
printf '{"status":"healthy"}' >"$dir/html/health.json"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $dir/tmp-body; proxy_temp_path $dir/tmp-proxy; fastcgi_temp_path $dir/tmp-fcgi;
  uwsgi_temp_path $dir/tmp-uwsgi; scgi_temp_path $dir/tmp-scgi;
  server {
    listen 127.0.0.1:$port;
    root $dir/html;
    default_type application/json;
  }
}
CONF
nginx -p "$dir" -c "$dir/nginx.conf"
trap 'kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true' EXIT
url=http://127.0.0.1:$port/health.json
timeout 10 bash -c "until curl -fsS -o /dev/null $url; do sleep 0.1; done"

# wrk prints only 50/75/90/99 with --latency; its Lua done() hook gives p95 (wrk latencies are in microseconds).
cat >"$dir/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("wrk requests=%d errors=%d rps=%.0f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
echo "endpoint: $url (nginx, 1 worker), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
# shellcheck disable=SC2086
timeout $(( (seconds * 2 + 5) * rounds * 2 + 240 )) bench/run-benchmark.sh org.runbookunit.bench.LoadVsWrkBenchmark \
  -Dbench.url="$url" -Dbench.lua="$dir/p95.lua" -Dbench.connections="$connections" -Dbench.seconds="$seconds" \
  -Dbench.rounds="$rounds" ${BENCH_JVM_ARGS:-}
echo "load average after: $(cut -d' ' -f1 /proc/loadavg)"
