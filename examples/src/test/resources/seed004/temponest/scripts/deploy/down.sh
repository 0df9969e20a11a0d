#!/bin/sh
# Stop temponest: the rehearsal's stand-in for `docker compose -f docker-compose.prod.yml down` (TERM, KILL after 10 s).
set -eu
cd "$(dirname "$0")/../.."
alive() { state=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${state#Z}" = "$state" ]; }
if [ ! -f run/temponest.pid ]; then
  echo "temponest is not running (no run/temponest.pid)"
  exit 0
fi
pid=$(cat run/temponest.pid)
kill "$pid" 2> /dev/null || true
tries=0
while alive "$pid" && [ $tries -lt 20 ]; do
  sleep 0.5
  tries=$((tries + 1))
done
kill -9 "$pid" 2> /dev/null || true
rm -f run/temponest.pid
echo "temponest stopped (pid $pid)"
