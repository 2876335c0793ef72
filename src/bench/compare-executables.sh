#!/usr/bin/env bash
# Start-up and memory of two or more native executables of this service, side by side in one run: what a change
# (an extension added, an optimisation level) costs, without the noise between two runs of benchmark.sh.
#
#   src/bench/compare-executables.sh NAME=path/to/runner NAME=path/to/runner ...
#
# Each is started as a serving pod (migrations and seeds left to the init task) on one database the first of them
# migrated and seeded; RUNS warm restarts each, interleaved (a, b, a, b, ...) so that load on the machine falls on
# all alike; medians. Same measurement as benchmark.sh (measure.py): wall time and whole-process CPU to the first
# 200 of the headline read, RSS after REQUESTS requests. Writes its table to stdout and to $OUT if set.
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=src/bench
WORK=$(mktemp -d /tmp/indicator-compare.XXXXXX)
RUNS=${RUNS:-7}
source $BENCH/common.sh
REQUESTS=${REQUESTS:-1000}
SERVING_ENV="QUARKUS_FLYWAY_MIGRATE_AT_START=false INDICATORS_SEEDS_ENABLED=false"
[ $# -ge 2 ] || { sed -n 2,10p "$0"; exit 1; }

declare -a NAMES PATHS
for spec in "$@"; do
  NAMES+=("${spec%%=*}")
  PATHS+=("${spec#*=}")
done

start_postgres
createdb bench
measure() { # measure <runner> <log> [VAR=value ...]
  local runner=$1 log=$2 port
  shift 2
  port=$(free_port)
  env $(service_env bench "$port") "$@" python3 $BENCH/measure.py "$port" "$REQUESTS" "$log" -- env $NATIVE_ENV "$runner" $NATIVE_OPTS
}
echo "[compare] PostgreSQL $(postgres_version); load $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each, $NATIVE_OPTS"
measure "${PATHS[0]}" "$WORK/seed.log" > /dev/null
for i in $(seq "$RUNS"); do
  for n in "${!NAMES[@]}"; do
    measure "${PATHS[$n]}" "$WORK/${NAMES[$n]}.log" $SERVING_ENV >> "$WORK/${NAMES[$n]}.jsonl"
  done
done

median() { python3 -c "import json,statistics,sys; print(statistics.median(json.loads(l)['$1'] for l in open(sys.argv[1])))" "$2"; }
{
  echo "| Native executable, median of $RUNS warm restarts as a serving pod | Size | First \`200\` | CPU until then | RSS after $REQUESTS requests |"
  echo "|---|---|---|---|---|"
  for n in "${!NAMES[@]}"; do
    jsonl="$WORK/${NAMES[$n]}.jsonl"
    echo "| ${NAMES[$n]} | $(( $(stat -c %s "${PATHS[$n]}") / 1000000 )) MB | $(median first_response_ms "$jsonl") ms | $(median cpu_to_first_response_ms "$jsonl") ms | $(median rss_after_mib "$jsonl") MiB |"
  done
} | tee ${OUT:+"$OUT"}
