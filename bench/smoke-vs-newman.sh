#!/usr/bin/env bash
# The same 20 API checks (status, two JSON values, an array size) against a loopback API, as a RunbookUnit config-only
# suite through the smoke jar (a cold JVM each time) and as a Postman collection through newman; hyperfine times one
# run of every variant per round, rounds interleaved, and the medians are printed side by side with the ratio to newman.
# Variants: plain java -jar (which relaunches itself with C1 only and the archive); the jar without relaunch; with -XX:TieredStopAtLevel=1; with the AppCDS archive the build writes beside the jar; both;
# both with the REST Assured warm-up thread (off by default). Only 127.0.0.1 is contacted.
# Needs: a packaged jar (mvn -B -pl smoke-suites -am package -DskipTests), hyperfine, python3, node/npm (newman is
# installed under bench/smoke-vs-newman/node_modules on first use). ROUNDS=15 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-15}
JAR=$(ls "$PWD"/smoke-suites/target/runbookunit-smoke-*.jar | grep -v original | head -1)
CDS=${JAR%.jar}.jsa
[ -f "$JAR" ] && [ -f "$CDS" ] || { echo "package the jar first: mvn -B -pl smoke-suites -am package -DskipTests" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
NEWMAN=bench/smoke-vs-newman/node_modules/.bin/newman
[ -x "$NEWMAN" ] || (cd bench/smoke-vs-newman && npm install --no-audit --no-fund --silent)

WORK=$PWD/smoke-suites/target/bench-smoke-vs-newman
rm -rf "$WORK" && mkdir -p "$WORK/rounds"
python3 bench/smoke-vs-newman/server.py "$WORK/port" & SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
python3 bench/smoke-vs-newman/fixtures.py "$(cat "$WORK/port")" "$WORK"
cd "$WORK"

RUN="run --env bench --config runbook.yaml --suite smoke.yaml --reports reports"
JAVA="java -Djava.io.tmpdir=$WORK -Xshare:auto"
OWN="env RUNBOOK_SMOKE_RELAUNCH=false $JAVA"   # the variants that set their own flags keep their one JVM
# A check that everything answers GO before timing anything.
$JAVA -jar "$JAR" $RUN >/dev/null
"$OLDPWD/$NEWMAN" run collection.json --silent >/dev/null

for round in $(seq "$ROUNDS"); do
  hyperfine -N --runs 1 --style none --export-json "rounds/$round.json" \
    -n newman "$OLDPWD/$NEWMAN run collection.json --silent" \
    -n "java -jar (relaunches tuned)" "$JAVA -jar $JAR $RUN" \
    -n "jar, no flags, no relaunch" "$OWN -jar $JAR $RUN" \
    -n "jar TieredStopAtLevel=1" "$OWN -XX:TieredStopAtLevel=1 -jar $JAR $RUN" \
    -n "jar AppCDS" "$OWN -XX:SharedArchiveFile=$CDS -jar $JAR $RUN" \
    -n "jar AppCDS+Tiered1" "$OWN -XX:SharedArchiveFile=$CDS -XX:TieredStopAtLevel=1 -jar $JAR $RUN" \
    -n "jar AppCDS+Tiered1 + warm-up" "$OWN -XX:SharedArchiveFile=$CDS -XX:TieredStopAtLevel=1 -jar $JAR $RUN -Drunbook.smoke.warmup=true" \
    >/dev/null
done
python3 "$OLDPWD/bench/smoke-vs-newman/medians.py" rounds/*.json
