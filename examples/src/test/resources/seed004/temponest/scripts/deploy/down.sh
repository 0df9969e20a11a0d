#!/bin/sh
# Stop temponest: the rehearsal's stand-in for `docker compose -f docker-compose.prod.yml down` (TERM, KILL after 10 s).
set -eu
cd "$(dirname "$0")/../.."
# alive PID: the process exists and is not a zombie (field 3 of /proc/PID/stat is its state)
alive() { [ -r "/proc/$1/stat" ] && [ "$(cut -d " " -f 3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }
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
