#!/usr/bin/env bash
# A release's snapshot at 1M value versions (100,000 current values): the native executable at the production heap
# (-Xmx48m) streams it, and this measures how long it takes, how large it is, the service's peak resident memory
# while it streams, and that snapshot.sha256 is the SHA-256 of the bytes.
#
#   src/bench/snapshot.sh        (RUNNER: the native executable, default target/*-runner; builds nothing)
#
# Needs PostgreSQL 15 server binaries and psql (PG_BIN), curl, sha256sum, python3. Writes src/bench/snapshot-output.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=src/bench
WORK=$(mktemp -d /tmp/indicator-snapshot.XXXXXX)
source $BENCH/common.sh
RUNNER=${RUNNER:-$(ls target/*-runner 2>/dev/null | head -1 || true)}
[ -x "$RUNNER" ] || { echo "no native executable at '$RUNNER' (./mvnw package -Dnative)"; exit 1; }
OUT=$BENCH/snapshot-output.txt

start_postgres
createdb indicators
PORT=$(free_port)
start_service() {
  env $(service_env indicators "$PORT") $NATIVE_ENV "$RUNNER" $NATIVE_OPTS -XX:+ExitOnOutOfMemoryError > "$WORK/service.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 60); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && return 0
    sleep 0.5
  done
  echo "the service did not get ready"; exit 1
}

{
  echo "== $(date -u +%FT%TZ), $(nproc) cores, PostgreSQL $(postgres_version), $RUNNER $NATIVE_OPTS"
  start_service   # migrates and loads the seeds
  kill "$SERVICE"; wait "$SERVICE" || true
  echo "== 1M value versions (100 indicators x 10 geographies x 100 periods x 10 versions):"
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d indicators -q -v ON_ERROR_STOP=1 -v indicators=100 \
    -v geos=10 -v periods=100 -v revisions=9 -f $BENCH/generate-catalogue.sql
  start_service
  echo "RSS before: $(awk '/VmRSS/ { print $2 / 1024 " MiB" }' /proc/$SERVICE/status)"
  ( while kill -0 "$SERVICE" 2> /dev/null; do awk '/VmRSS/ { print $2 }' /proc/$SERVICE/status; sleep 0.1; done \
      > "$WORK/rss.txt" ) &
  for run in 1 2 3; do
    curl -sL -o "$WORK/snapshot.csv" -w "snapshot run $run: HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n" \
      "http://127.0.0.1:$PORT/v1/releases/latest/snapshot"
  done
  echo "rows (with the header): $(wc -l < "$WORK/snapshot.csv")"
  echo "served checksum: $(curl -sL "http://127.0.0.1:$PORT/v1/releases/latest/snapshot.sha256")"
  echo "sha256sum:       $(sha256sum "$WORK/snapshot.csv" | cut -d' ' -f1)"
  echo "peak RSS while streaming: $(sort -n "$WORK/rss.txt" | tail -1 | awk '{ print $1 / 1024 " MiB" }')"
  echo "ERROR / OutOfMemoryError lines in the service log: $(grep -c ERROR "$WORK/service.log" || true) / $(grep -c OutOfMemoryError "$WORK/service.log" || true)"
  kill "$SERVICE"; wait "$SERVICE" || true
} 2>&1 | tee "$OUT"
