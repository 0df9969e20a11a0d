#!/bin/sh
# Start temponest from this checkout: the rehearsal's stand-in for `docker compose -f docker-compose.prod.yml up -d`.
# One process serves agents, auth and the web UI on TEMPONEST_PORT (run/runner.env), as release VERSION with
# config/temponest.properties and the deployment's .env; healthy within 30 s or the script fails with its log.
set -eu
cd "$(dirname "$0")/../.."
. ./run/runner.env
# alive PID: the process exists and is not a zombie (field 3 of /proc/PID/stat is its state)
alive() { [ -r "/proc/$1/stat" ] && [ "$(cut -d " " -f 3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }
if [ -f run/temponest.pid ] && alive "$(cat run/temponest.pid)"; then
  echo "temponest already running (pid $(cat run/temponest.pid))"
  exit 0
fi
nohup "$JAVA" -Xmx256m -cp "$TEMPONEST_CLASSPATH" org.runbookunit.examples.TemponestMain "$(pwd)" \
  > run/stdout.log 2>&1 < /dev/null &
echo $! > run/temponest.pid
tries=0
while [ $tries -lt 60 ]; do
  if curl -fsS --max-time 1 "http://127.0.0.1:$TEMPONEST_PORT/health" > /dev/null 2>&1; then
    echo "temponest $(cat VERSION) up on port $TEMPONEST_PORT (pid $(cat run/temponest.pid))"
    exit 0
  fi
  if ! alive "$(cat run/temponest.pid)"; then
    echo "temponest exited:"; tail -20 run/stdout.log; exit 1
  fi
  sleep 0.5
  tries=$((tries + 1))
done
echo "temponest not healthy within 30 s:"; tail -20 run/stdout.log
exit 1
