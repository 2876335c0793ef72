#!/usr/bin/env bash
# Load benchmark at catalogue scale: the service (JVM and native; response cache on and off) side by side with nginx
# serving the very same response bytes, and PostgreSQL's own ceiling, on synthetic catalogues of 1k, 100k and 1M
# value versions (src/bench/generate-catalogue.sql); then publishing releases of 10,000 and 100,000 revisions.
#
#   src/bench/scale.sh [--sizes 1k,100k,1M] [--modes jvm,native]
#
# Needs: wrk and nginx (apt packages wrk, nginx-light), PostgreSQL 15 server binaries with psql and pgbench (apt
# package postgresql-15, or PG_BIN), python3, curl, openssl, and JDK 25 (JAVA_HOME) for the JVM mode. It builds
# nothing: it measures APP_DIR (default target/quarkus-app, its quarkus-run.jar) and RUNNER (default
# target/*-runner); a missing one skips its mode. Builds rewrite target/, so copy them elsewhere and point APP_DIR and
# RUNNER there if someone is building. Writes src/bench/scale-results.md and src/bench/scale-output.txt.
# With the defaults a size takes about half an hour for both modes (longer where endpoints are slow: after each run
# against the service it waits, up to IDLE_TIMEOUT (60) seconds, until the service has finished what wrk abandoned).
#
# Sizes (indicators x geographies x annual periods x versions per value):
#   1k = 1 x 10 x 100 x 1,  100k = 100 x 10 x 100 x 1,  1M = 100 x 10 x 100 x 10,  10M = 1000 x 10 x 100 x 10
#
# For each size: a database on a throw-away PostgreSQL (common.sh); one start of the service so that Flyway migrates
# and the seeds load; the synthetic catalogue appended with psql and checked (check-catalogue.sql); pgbench -S on a
# scratch database of the same server (the database's ceiling). Then for each mode, twice ("cached": as configured;
# "uncached": INDICATORS_RESPONSE_CACHE_ENABLED=false), a fresh service process and for each endpoint:
#   - its body fetched once with curl and served by a throw-away nginx (2 workers, etag on, access log off);
#   - WARMUP of load, then wrk against the service and against nginx with the same settings, and a one-connection
#     run against the service (sequential p50);
# then the service's RSS and the ERROR / OutOfMemoryError lines of its log. During every loaded run against the
# service, a readiness probe every half second, as Kubernetes would send (its slowest answer and any not 200), and
# the CPU time the service and PostgreSQL's processes used, per request completed: on a shared machine, where the
# throughput of an uncached read is bounded, it says whose CPU bounds it. The conditional read sends the headline
# with If-None-Match: its ETag (nginx: nginx's own ETag of the same file), so both should answer 304.
# Publishing comes last, for each mode on its own copy of the size's database (CREATE DATABASE ... TEMPLATE), so both
# modes publish onto the same catalogue: a JWT signed with a key pair made here, a release revising the first N bench
# values (basedOn = the newest release), POSTed and timed with curl. Only when the size has N bench values.
#
# Settings (environment): DURATION (10s) per wrk run, THREADS (2), CONNECTIONS (64), WRK_TIMEOUT (10s; slower
# responses count as errors), SEQ_DURATION (5s), WARMUP (3s, 0 for none), PGBENCH_DURATION (10, seconds),
# PGBENCH_SCALE (10), JVM_OPTS (-Xmx256m), NATIVE_OPTS (common.sh), START_TIMEOUT (180, seconds to readiness),
# PUBLISH_SIZES (10000,100000), PUBLISH_TIMEOUT (900, seconds a publish), APPLY_MISSING_MIGRATIONS (false; true applies
# with psql the src/main/resources/db/migration files the service's Flyway did not, to try an older build, which then
# runs on a schema it does not know), MEASURE (reads,plans,publishing: which parts run), CACHES (cached,uncached: the
# read runs), RESULTS and OUT (where the
# table and the log go; default src/bench/scale-results.md and scale-output.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=src/bench
source $BENCH/common.sh

SIZES=1k,100k,1M
MODES=jvm,native
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --modes) MODES=$2; shift 2 ;;
    --no-build) shift ;;  # accepted for symmetry with benchmark.sh; this script never builds
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown argument $1 (usage: $0 [--sizes 1k,100k,1M] [--modes jvm,native])" >&2; exit 2 ;;
  esac
done
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
SEQ_DURATION=${SEQ_DURATION:-5s}
WARMUP=${WARMUP:-3s}
PGBENCH_DURATION=${PGBENCH_DURATION:-10}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
JVM_OPTS=${JVM_OPTS:--Xmx256m}
START_TIMEOUT=${START_TIMEOUT:-180}
PUBLISH_SIZES=${PUBLISH_SIZES:-10000,100000}
PUBLISH_TIMEOUT=${PUBLISH_TIMEOUT:-900}
APPLY_MISSING_MIGRATIONS=${APPLY_MISSING_MIGRATIONS:-false}
APP_DIR=${APP_DIR:-target/quarkus-app}
RUNNER=${RUNNER:-$(ls target/*-runner 2>/dev/null | head -1 || true)}
WRK=${WRK:-wrk}
NGINX=${NGINX:-nginx}

OUT=${OUT:-$BENCH/scale-output.txt}
RESULTS=${RESULTS:-$BENCH/scale-results.md}
MEASURE=${MEASURE:-reads,plans,publishing}
CACHES=${CACHES:-cached,uncached}
WORK=$(mktemp -d /tmp/indicator-scale.XXXXXX)
trap 'rm -rf "$WORK"' EXIT  # until PostgreSQL runs; then cleanup() below
exec > >(tee "$OUT") 2>&1

log() { echo "[scale $(date -u +%H:%M:%S)] $*"; }
indent() { sed 's/^/    /'; }

for tool in "$WRK" "$NGINX" curl openssl python3 "$PG_BIN/psql" "$PG_BIN/pgbench" "$PG_BIN/initdb"; do
  command -v "$tool" > /dev/null || { echo "missing $tool (see the top of $0)"; exit 1; }
done

AVAILABLE=()
for mode in ${MODES//,/ }; do
  case "$mode" in
    jvm) if [ -f "$APP_DIR/quarkus-run.jar" ] && [ -x "$JAVA_HOME/bin/java" ]; then AVAILABLE+=(jvm)
         else log "skipping jvm: no $APP_DIR/quarkus-run.jar or no $JAVA_HOME/bin/java (build with ./mvnw package)"; fi ;;
    native) if [ -n "$RUNNER" ] && [ -x "$RUNNER" ]; then AVAILABLE+=(native)
            else log "skipping native: no executable target/*-runner or RUNNER (build with ./mvnw package -Dnative)"; fi ;;
    *) echo "unknown mode $mode (jvm, native)"; exit 2 ;;
  esac
done
[ ${#AVAILABLE[@]} -gt 0 ] || { log "no mode to measure"; exit 1; }

# ------------------------------------------------------------------------------------------------ processes
SERVICE_PID=
NGINX_PID=
cleanup() {
  stop_service
  stop_nginx
  stop_postgres
}

start_service() {  # <mode> <database> <label> [VAR=value ...]; sets SERVICE_PID, SERVICE_PORT, SERVICE_LOG
  local mode=$1 db=$2 label=$3 cmd code deadline
  shift 3
  SERVICE_PORT=$(free_port)
  SERVICE_LOG=$WORK/service-$label.log
  if [ "$mode" = native ]; then cmd=(env $NATIVE_ENV "$RUNNER" $NATIVE_OPTS); else cmd=("$JAVA_HOME/bin/java" $JVM_OPTS -jar "$APP_DIR/quarkus-run.jar"); fi
  env $(service_env "$db" "$SERVICE_PORT") MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/publisher.pub" "$@" "${cmd[@]}" \
    > "$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$SERVICE_PORT/q/health/ready" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$SERVICE_PID" 2> /dev/null; then
      log "$label: the service exited before it was ready; the end of its log:"
      tail -30 "$SERVICE_LOG" | indent
      wait "$SERVICE_PID" 2> /dev/null || true
      SERVICE_PID=
      return 1
    fi
    if [ $SECONDS -ge "$deadline" ]; then
      log "$label: not ready after ${START_TIMEOUT}s (last /q/health/ready status $code); the end of its log:"
      tail -30 "$SERVICE_LOG" | indent
      stop_service
      return 1
    fi
    sleep 0.5
  done
  log "$label: ready (pid $SERVICE_PID, port $SERVICE_PORT): $(grep -oE 'started in [0-9.]+s' "$SERVICE_LOG" | head -1 || true)"
}

stop_service() {
  [ -n "${SERVICE_PID:-}" ] || return 0
  kill "$SERVICE_PID" 2> /dev/null || true
  for _ in $(seq 150); do kill -0 "$SERVICE_PID" 2> /dev/null || break; sleep 0.1; done
  kill -9 "$SERVICE_PID" 2> /dev/null || true
  wait "$SERVICE_PID" 2> /dev/null || true
  SERVICE_PID=
}

start_nginx() {  # serves $WORK/www; sets NGINX_PORT, NGINX_PID
  local dir=$WORK/nginx
  NGINX_PORT=$(free_port)
  mkdir -p "$dir"
  cat > "$dir/nginx.conf" << EOF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    types { }
    default_type application/json;
    etag on;
    sendfile on;
    tcp_nopush on;
    # wrk keeps its connections open; nginx would otherwise close each after 1,000 requests (the service does not).
    keepalive_requests 1000000;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
    }
}
EOF
  "$NGINX" -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && return 0
    kill -0 "$NGINX_PID" 2> /dev/null || break
    sleep 0.1
  done
  log "nginx did not start:"; cat "$dir/error.log" | indent
  stop_nginx
  return 1
}

stop_nginx() {
  [ -n "${NGINX_PID:-}" ] || return 0
  kill "$NGINX_PID" 2> /dev/null || true
  for _ in $(seq 50); do kill -0 "$NGINX_PID" 2> /dev/null || break; sleep 0.1; done
  kill -9 "$NGINX_PID" 2> /dev/null || true
  wait "$NGINX_PID" 2> /dev/null || true
  NGINX_PID=
}

# ------------------------------------------------------------------------------------------------ helpers
psql_db() { "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d "$@"; }
sql() { psql_db "$1" -At "${@:2}"; }
now_s() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now_s)"; }
header() { tr -d '\r' < "$1" | sed -n "s/^$2: //Ip" | head -1; }
# VmRSS now, and VmHWM (the most it has held since it started): a pod's memory limit meets the peak, not the rest.
rss_mib() { awk '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { peak = $2 } END { printf "%.1f (peak %.1f)", rss / 1024, peak / 1024 }' "/proc/$1/status" 2> /dev/null || echo "-"; }
count_lines() { grep -cE "$1" "$2" || true; }
# Lines logged at level ERROR (Quarkus' console format: date, time, level), and OutOfMemoryError anywhere.
ERROR_LINE='^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:,.]+ +ERROR '
log_errors() { echo "$(count_lines "$ERROR_LINE" "$1") / $(count_lines OutOfMemoryError "$1")"; }
fact() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$WORK/facts.tsv"; }  # size mode key value
fact_value() { awk -F'\t' -v s="$1" -v m="$2" -v k="$3" '$1 == s && $2 == m && $3 == k { print $4 }' "$WORK/facts.tsv"; }
# probe_readiness <base>: what a Kubernetes readiness probe sees while the load runs, every half second until killed.
probe_readiness() {
  while true; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 "$1/q/health/ready" >> "$WORK/probes.txt" || true
    sleep 0.5
  done
}

# wait_idle <database>: wrk abandons the requests still in flight when its time is up, and the service goes on
# answering them; wait until it has used under 5 % of a core for half a second and runs no query, so that backlog
# does not eat into the next run. Bounded by IDLE_TIMEOUT seconds.
wait_idle() {
  local db=$1 start=$SECONDS before after active
  while [ $((SECONDS - start)) -lt "${IDLE_TIMEOUT:-60}" ]; do
    before=$(awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat" 2> /dev/null || echo 0)
    sleep 0.5
    after=$(awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat" 2> /dev/null || echo 0)
    active=$(sql "$db" -c "select count(*) from pg_stat_activity where datname = current_database()
        and state = 'active' and pid <> pg_backend_pid()" || echo 0)
    if [ $((after - before)) -le $(($(getconf CLK_TCK) / 40)) ] && [ "$active" = 0 ]; then
      [ $((SECONDS - start)) -ge 2 ] && echo "  (the service was busy for about $((SECONDS - start)) s after the run)"
      return 0
    fi
  done
  echo "  (the service was still busy after ${IDLE_TIMEOUT:-60} s; going on)"
}

# cpu_snapshot <file> <pid...>: the user and system CPU clock ticks each process has used so far, "pid ticks" a line.
cpu_snapshot() {
  local out=$1 pid
  shift
  : > "$out"
  for pid in "$@"; do awk -v pid="$pid" '{ print pid, $14 + $15 }' "/proc/$pid/stat" >> "$out" 2> /dev/null || true; done
}
# cpu_used <before> <after>: the ticks used between two snapshots by the processes of the second (one started in
# between counts from zero).
cpu_used() { awk 'NR == FNR { before[$1] = $2; next } { total += $2 - before[$1] } END { print total + 0 }' "$1" "$2"; }
# The throw-away server's processes: the postmaster and its children (backends, writers).
postgres_pids() {
  local postmaster
  postmaster=$(head -1 "$WORK/pg/postmaster.pid")
  echo "$postmaster" $(pgrep -P "$postmaster")
}
CLK_TCK=$(getconf CLK_TCK)

# wrk <output file> <threads> <connections> <duration> <url> [wrk options]
run_wrk() {
  local out=$1 t=$2 c=$3 d=$4 url=$5
  shift 5
  "$WRK" -t"$t" -c"$c" -d"$d" --timeout "$WRK_TIMEOUT" --latency "$@" "$url" > "$out" 2>&1 || true
  indent < "$out"
}

# One line from wrk's output: requests/s, p50 ms, p99 ms, errors (non-2xx/3xx responses plus socket errors),
# completed requests; '-' where wrk printed nothing usable (latencies also when no request completed).
cat > "$WORK/wrk_summary.py" << 'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(value):
    m = re.fullmatch(r'([\d.]+)(us|ms|s|m)', value)
    return str(float(m[1]) * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[m[2]]) if m else '-'
rps = re.search(r'Requests/sec:\s+([\d.]+)', text)
requests = re.search(r'(\d+) requests in', text)
p50 = re.search(r'^\s+50%\s+(\S+)', text, re.M)
p99 = re.search(r'^\s+99%\s+(\S+)', text, re.M)
non2xx = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
sockets = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
errors = (int(non2xx[1]) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
completed = int(requests[1]) if requests else 0
print('\t'.join([rps[1] if rps else '-', ms(p50[1]) if p50 and completed else '-', ms(p99[1]) if p99 and completed else '-',
                 str(errors) if rps else '-', str(completed) if requests else '-']))
EOF
summary() { python3 "$WORK/wrk_summary.py" "$1"; }

# Sizes: indicators geographies periods revisions
size_spec() {
  case "$1" in
    1k) echo "1 10 100 0" ;;
    100k) echo "100 10 100 0" ;;
    1M|1m) echo "100 10 100 9" ;;
    10M|10m) echo "1000 10 100 9" ;;
    *) echo "unknown size $1 (1k, 100k, 1M, 10M)" >&2; return 1 ;;
  esac
}

# The service's Flyway should have applied every migration in the source tree; an older build may not have.
check_schema() {  # <database>
  local db=$1 file version missing=()
  for file in src/main/resources/db/migration/V*__*.sql; do
    version=$(basename "$file" | sed -E 's/^V([0-9._]+)__.*/\1/')
    [ "$(sql "$db" -c "select count(*) from flyway_schema_history where version = '$version' and success")" = 1 ] \
      || missing+=("$file")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APPLY_MISSING_MIGRATIONS" = true ]; then
    log "WARNING: the service did not apply ${missing[*]} (an older build?); applying with psql (APPLY_MISSING_MIGRATIONS)"
    for file in "${missing[@]}"; do psql_db "$db" -f "$file"; done
    return 0
  fi
  log "the service did not apply ${missing[*]} (an older build?), and generate-catalogue.sql needs them;"
  log "build the service, or set APPLY_MISSING_MIGRATIONS=true to apply them with psql"
  return 1
}

# A token the service trusts (README, "Publishing"), valid for an hour from now.
make_token() {
  local header payload now
  b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
  now=$(date +%s)
  payload=$(printf '{"iss":"indicator-api","upn":"bench","groups":["publisher"],"iat":%s,"exp":%s}' "$now" $((now + 3600)) | b64)
  echo "$header.$payload.$(printf '%s' "$header.$payload" | openssl dgst -sha256 -sign "$WORK/publisher.key" | b64)"
}

# ------------------------------------------------------------------------------------------------ one load run
# measure_reads <size> <mode> <cache> <database>: one service process, every endpoint, a row each in rows.tsv.
measure_reads() {
  local size=$1 mode=$2 cache=$3 db=$4 label="$1-$2-$3" env=() i url status etag nginx_etag f hdr body_bytes
  [ "$cache" = uncached ] && env=(INDICATORS_RESPONSE_CACHE_ENABLED=false)
  if ! start_service "$mode" "$db" "$label" "${env[@]}"; then
    fact "$size" "$mode" "rss_$cache" "did not start"
    return 0
  fi
  local base=http://127.0.0.1:$SERVICE_PORT
  : > "$WORK/probes.txt"
  rm -rf "$WORK/www"; mkdir -p "$WORK/www"; chmod 755 "$WORK/www"
  local etags=()
  for i in "${!EP_LABEL[@]}"; do
    f=$WORK/www/e$i.json hdr=$WORK/www/e$i.headers
    if [ "${EP_LABEL[$i]}" = "headline, If-None-Match" ]; then
      etag=$(header "$WORK/www/e0.headers" ETag)
      status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H "If-None-Match: $etag" "$base${EP_PATH[$i]}" || true)
      cp "$WORK/www/e0.json" "$f"
      body_bytes=0
    else
      status=$(curl -s -D "$hdr" -o "$f" -w '%{http_code}' --max-time 60 "$base${EP_PATH[$i]}" || true)
      etag=$(header "$hdr" ETag)
      body_bytes=$(stat -c %s "$f" 2> /dev/null || echo 0)
    fi
    chmod 644 "$f"
    etags+=("$etag")
    printf '%s\t%s\t%s\n' "$status" "$body_bytes" "$etag" > "$WORK/www/e$i.meta"
    log "$label: ${EP_LABEL[$i]}: $status, $body_bytes bytes${etag:+, ETag $etag} <- ${EP_PATH[$i]}"
  done
  start_nginx
  for i in "${!EP_LABEL[@]}"; do
    url=$base${EP_PATH[$i]}
    local svc_opts=() ngx_opts=()
    if [ "${EP_LABEL[$i]}" = "headline, If-None-Match" ]; then
      svc_opts=(-H "If-None-Match: ${etags[$i]}")
      nginx_etag=$(etag_of "http://127.0.0.1:$NGINX_PORT/e$i.json")
      ngx_opts=(-H "If-None-Match: $nginx_etag")
      log "nginx conditional check: $(curl -s -o /dev/null -w '%{http_code}' "${ngx_opts[@]}" "http://127.0.0.1:$NGINX_PORT/e$i.json")"
    fi
    log "$label: ${EP_LABEL[$i]}"
    if [ "$WARMUP" != 0 ]; then
      "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$WRK_TIMEOUT" "${svc_opts[@]}" "$url" > /dev/null 2>&1 || true
      wait_idle "$db"
    fi
    echo "  service, $THREADS threads, $CONNECTIONS connections:"
    probe_readiness "$base" &
    local prober=$! service_cpu pg_cpu
    cpu_snapshot "$WORK/service-before.txt" "$SERVICE_PID"
    cpu_snapshot "$WORK/pg-before.txt" $(postgres_pids)
    run_wrk "$WORK/svc.txt" "$THREADS" "$CONNECTIONS" "$DURATION" "$url" "${svc_opts[@]}"
    # Where the machine's CPU went during the run: to the service, or to the database beside it.
    cpu_snapshot "$WORK/service-after.txt" "$SERVICE_PID"
    cpu_snapshot "$WORK/pg-after.txt" $(postgres_pids)
    service_cpu=$(cpu_used "$WORK/service-before.txt" "$WORK/service-after.txt")
    pg_cpu=$(cpu_used "$WORK/pg-before.txt" "$WORK/pg-after.txt")
    kill "$prober" 2> /dev/null || true; wait "$prober" 2> /dev/null || true
    wait_idle "$db"
    echo "  service, sequential (one connection):"
    run_wrk "$WORK/seq.txt" 1 1 "$SEQ_DURATION" "$url" "${svc_opts[@]}"
    wait_idle "$db"
    echo "  nginx, $THREADS threads, $CONNECTIONS connections:"
    run_wrk "$WORK/ngx.txt" "$THREADS" "$CONNECTIONS" "$DURATION" "http://127.0.0.1:$NGINX_PORT/e$i.json" "${ngx_opts[@]}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$mode" "$cache" "${EP_LABEL[$i]}" \
      "$(cut -f1,2 "$WORK/www/e$i.meta")" "$(summary "$WORK/svc.txt")" "$(summary "$WORK/seq.txt" | cut -f2)" \
      "$(summary "$WORK/ngx.txt" | cut -f1)" "$(summary "$WORK/ngx.txt" | cut -f4)" \
      "$((service_cpu * 1000 / CLK_TCK))" "$((pg_cpu * 1000 / CLK_TCK))" >> "$WORK/rows.tsv"
  done
  stop_nginx
  fact "$size" "$mode" "rss_$cache" "$(rss_mib "$SERVICE_PID")"
  fact "$size" "$mode" "errors_$cache" "$(log_errors "$SERVICE_LOG")"
  fact "$size" "$mode" "probes_$cache" "$(awk '$2 > slowest { slowest = $2 } $1 != 200 { failed++ }
    END { printf "%.0f ms, %d of %d not 200", slowest * 1000, failed, NR }' "$WORK/probes.txt")"
  log "$label: readiness probes during the load: $(fact_value "$size" "$mode" "probes_$cache")"
  log "$label: RSS $(rss_mib "$SERVICE_PID") MiB after the load; ERROR / OutOfMemoryError lines in its log: $(log_errors "$SERVICE_LOG")"
  grep -E "$ERROR_LINE|OutOfMemoryError" "$SERVICE_LOG" | head -5 | cut -c1-400 | indent || true
  stop_service
}

# capture_plans <size> <mode> <database>: the plan of every statement each endpoint sends, with actual times and
# buffers (auto_explain, loaded by the server this script starts), uncached, written to src/bench/plans-<size>.txt.
capture_plans() {
  local size=$1 mode=$2 db=$3 out=$BENCH/plans-$size.txt i
  psql_db postgres -c "alter database $db set auto_explain.log_min_duration = 0" \
    -c "alter database $db set auto_explain.log_analyze = on" -c "alter database $db set auto_explain.log_buffers = on" \
    -c "alter database $db set auto_explain.log_timing = on"
  if start_service "$mode" "$db" "$size-$mode-plans" INDICATORS_RESPONSE_CACHE_ENABLED=false; then
    for i in "${!EP_LABEL[@]}"; do  # once to warm up, so the plans below are those of a running service
      curl -s -o /dev/null --max-time 60 "http://127.0.0.1:$SERVICE_PORT${EP_PATH[$i]}" || true
    done
    # The server's log holds the plans of every size measured so far: read only what this size adds.
    local log_from
    log_from=$(stat -c %s "$WORK/pg.log")
    for i in "${!EP_LABEL[@]}"; do
      [ "${EP_LABEL[$i]}" = "headline, If-None-Match" ] && continue
      psql_db postgres -c "do \$\$ begin raise log 'bench-plans-endpoint %', '${EP_LABEL[$i]} <- ${EP_PATH[$i]}'; end \$\$"
      curl -s -o /dev/null --max-time 60 "http://127.0.0.1:$SERVICE_PORT${EP_PATH[$i]}" || true
    done
    psql_db postgres -c "do \$\$ begin raise log 'bench-plans-end'; end \$\$"
    stop_service
    python3 - "$WORK/pg.log" "$size" "$log_from" > "$out" << 'PY'
import re, sys
log, size, log_from = sys.argv[1], sys.argv[2], int(sys.argv[3])
print(f"# Plans at {size} (src/bench/scale.sh, auto_explain with ANALYZE and BUFFERS): every statement each endpoint\n"
      "# sends on a cache miss, after one warm-up request. Regenerated by every run.\n")
current, out = None, []
with open(log, 'rb') as whole:
    whole.seek(log_from)
    lines = whole.read().decode('utf-8', errors='replace').splitlines(keepends=True)
for line in lines:
    m = re.search(r"LOG:\s+bench-plans-endpoint (.*)", line)
    if m:
        current = m.group(1); out.append(f"\n## {current}\n"); continue
    if re.search(r"LOG:\s+bench-plans-end$", line.rstrip()):
        current = None; continue
    if current is None:
        continue
    m = re.search(r"LOG:\s+duration: ([0-9.]+ ms)\s+plan:", line)
    if m:
        out.append(f"\n-- {m.group(1)}"); continue
    if line.startswith(("\t", " ")) and "LOG:" not in line:
        out.append(line.rstrip("\n").replace("\t", "    ", 1))
print("\n".join(out))
PY
    log "$size: plans written to $out ($(grep -c '^-- ' "$out") statements)"
  fi
  psql_db postgres -c "alter database $db reset all"
}

# measure_publishing <size> <mode> <database> <bench values>
measure_publishing() {
  local size=$1 mode=$2 db=$3 values=$4 copy="pub_${2}" n i=0 based_on result token
  psql_db postgres -c "drop database if exists $copy" -c "create database $copy template $db"
  if ! start_service "$mode" "$copy" "$size-$mode-publish"; then
    for n in ${PUBLISH_SIZES//,/ }; do fact "$size" "$mode" "publish_$n" "did not start"; done
    psql_db postgres -c "drop database $copy"
    return 0
  fi
  for n in ${PUBLISH_SIZES//,/ }; do
    i=$((i + 1))
    if [ "$n" -gt "$values" ]; then
      fact "$size" "$mode" "publish_$n" "n/a ($values bench values)"
      continue
    fi
    based_on=$(curl -s --max-time 60 "http://127.0.0.1:$SERVICE_PORT/v1/releases" \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])' || true)
    # Revisions of the first n bench values: the current value plus a fraction the catalogue does not have yet.
    python3 - "$WORK/publish-values.tsv" "$n" "$based_on" "$i" > "$WORK/release-$n.json" << 'EOF'
import json, sys
rows_file, n, based_on, index = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
fraction = {1: 0.5, 2: 0.25}.get(index, 1 / (index + 2))
observations = []
with open(rows_file) as rows:
    for line in rows:
        if len(observations) == n:
            break
        indicator, geo, period, value = line.rstrip('\n').split('\t')
        revised = round(float(value) + fraction, 4)
        quote = f'{revised} persons'
        # Anchored as a publisher without the document's text anchors a quote (the bench document has no text).
        observations.append({'indicator': indicator, 'geo': geo, 'period': period, 'periodBasis': {'basis': 'stated'},
                             'value': revised, 'status': 'observed', 'reason': 'Benchmark revision',
                             'citations': [{'document': 'bench-doc', 'quote': quote, 'start': 0, 'end': len(quote),
                                            'prefix': '', 'suffix': '', 'publication': 'bench-pub'}]})
json.dump({'release': {'id': f'bench-publish-{n}', 'description': f'Benchmark publish: revises {n} values'},
           'basedOn': based_on, 'observations': observations}, sys.stdout, separators=(',', ':'))
EOF
    token=$(make_token)
    log "$size-$mode: publishing $n revisions ($(stat -c %s "$WORK/release-$n.json") bytes of JSON, basedOn $based_on)"
    result=$(curl -s -o "$WORK/publish-response.txt" -w '%{http_code} %{time_total}' --max-time "$PUBLISH_TIMEOUT" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @"$WORK/release-$n.json" "http://127.0.0.1:$SERVICE_PORT/v1/releases" || true)
    log "$size-$mode: publish $n: HTTP status and seconds: $result"
    head -c 600 "$WORK/publish-response.txt" | indent; echo
    fact "$size" "$mode" "publish_$n" "$(awk '{ printf "%s in %.1f s", $1, $2 }' <<< "$result")"
  done
  fact "$size" "$mode" rss_publish "$(rss_mib "$SERVICE_PID")"
  fact "$size" "$mode" errors_publish "$(log_errors "$SERVICE_LOG")"
  log "$size-$mode: RSS $(rss_mib "$SERVICE_PID") MiB after publishing; ERROR / OutOfMemoryError lines in its log: $(log_errors "$SERVICE_LOG")"
  grep -E "$ERROR_LINE|OutOfMemoryError" "$SERVICE_LOG" | head -5 | cut -c1-400 | indent || true
  stop_service
  log "$size-$mode: the catalogue's invariants after the service's publishes:"
  psql_db "$copy" -f $BENCH/check-catalogue.sql 2>&1 | indent || true
  psql_db postgres -c "drop database $copy"
}

# ------------------------------------------------------------------------------------------------ run
for size in ${SIZES//,/ }; do size_spec "$size" > /dev/null || exit 2; done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
PG_OPTS="-c shared_preload_libraries=auto_explain -c log_line_prefix=''"
start_postgres
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 711 "$WORK"  # nginx's workers (user nobody when started as root) read $WORK/www
log "PostgreSQL $(postgres_version) on port $PG_PORT; modes: ${AVAILABLE[*]}; sizes: $SIZES; load average: $LOAD_BEFORE"
for mode in "${AVAILABLE[@]}"; do
  case $mode in
    jvm) log "jvm: $JAVA_HOME/bin/java $JVM_OPTS -jar $APP_DIR/quarkus-run.jar (built $(date -u -r "$APP_DIR/quarkus-run.jar" '+%Y-%m-%d %H:%M UTC'))" ;;
    native) log "native: $NATIVE_ENV $RUNNER $NATIVE_OPTS (built $(date -u -r "$RUNNER" '+%Y-%m-%d %H:%M UTC'))" ;;
  esac
done
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/publisher.key" 2> /dev/null
openssl pkey -in "$WORK/publisher.key" -pubout -out "$WORK/publisher.pub"
chmod 644 "$WORK/publisher.pub"
: > "$WORK/rows.tsv"
: > "$WORK/facts.tsv"

log "pgbench: initialising a scratch database (scale $PGBENCH_SCALE)"
createdb pgbench_scratch
"$PG_BIN/pgbench" -i -q -s "$PGBENCH_SCALE" -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench_scratch 2>&1 | tail -1 | indent

for size in ${SIZES//,/ }; do
  read -r indicators geos periods revisions <<< "$(size_spec "$size")"
  db=bench_$(tr 'A-Z' 'a-z' <<< "$size")
  log "===== $size: $indicators indicators x $geos geographies x $periods periods x $((revisions + 1)) versions"
  createdb "$db"
  if ! start_service "${AVAILABLE[0]}" "$db" "$size-migrate"; then
    log "$size: skipped: the service did not start on an empty database"
    continue
  fi
  grep -E "Migrating|Successfully applied|Applied seed" "$SERVICE_LOG" | cut -c1-300 | indent || true
  stop_service
  if ! check_schema "$db"; then
    log "$size: skipped"
    continue
  fi

  log "$size: generating the catalogue"
  t0=$(now_s)
  psql_db "$db" -v indicators="$indicators" -v geos="$geos" -v periods="$periods" -v revisions="$revisions" \
    -f $BENCH/generate-catalogue.sql | indent
  generation_s=$(since "$t0")
  fact "$size" - generation "$generation_s s"
  log "$size: generated in $generation_s s ($(sql "$db" -c "select pg_size_pretty(pg_database_size(current_database()))") on disk); checking it"
  psql_db "$db" -v revisions="$revisions" -f $BENCH/check-catalogue.sql | indent

  log "$size: pgbench -S -c $CONNECTIONS -j $THREADS -T $PGBENCH_DURATION (no service running)"
  "$PG_BIN/pgbench" -S -c "$CONNECTIONS" -j "$THREADS" -T "$PGBENCH_DURATION" -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    pgbench_scratch > "$WORK/pgbench.txt" 2>&1 || true
  indent < "$WORK/pgbench.txt"
  fact "$size" - pgbench "$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$WORK/pgbench.txt" | head -1)"

  if [ "$indicators" -gt 42 ]; then IND=bench-ind-042; else IND=bench-ind-000; fi
  CHANGES_AFTER=$(sql "$db" -c "select to_char((released_at - interval '1 microsecond') at time zone 'UTC',
      'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from release where id like 'bench-release-%' order by seq desc limit 1")
  EP_LABEL=(
    "headline"
    "headline, If-None-Match"
    "series, latest 100"
    "series, latest 100 + history"
    "indicators"
    "indicator"
    "vintages"
    "releases"
    "sources"
    "source bench-doc"
    "changes, last release"
    "value history"
    "claim check"
    "publications"
  )
  EP_PATH=(
    "/v1/indicators/ai-workforce-shortfall/observations?geo=KR"
    "/v1/indicators/ai-workforce-shortfall/observations?geo=KR"
    "/v1/indicators/$IND/observations?geo=KR&lastNObservations=100"
    "/v1/indicators/$IND/observations?geo=KR&lastNObservations=100&includeHistory=true"
    "/v1/indicators"
    "/v1/indicators/$IND"
    "/v1/indicators/$IND/vintages"
    "/v1/releases"
    "/v1/sources"
    "/v1/sources/bench-doc"
    "/v1/changes?updatedAfter=$CHANGES_AFTER"
    "/v1/indicators/$IND/observations/2020/history?geo=KR"
    "/v1/claims/check?text=%EB%B6%80%EC%A1%B1%20%EC%9D%B8%EB%A0%A5%EC%9D%80%208579%EB%AA%85"
    "/v1/publications"
  )
  for i in "${!EP_LABEL[@]}"; do printf '%s\t%s\t%s\n' "$size" "${EP_LABEL[$i]}" "${EP_PATH[$i]}" >> "$WORK/endpoints.tsv"; done

  if [[ ,$MEASURE, == *,reads,* ]]; then
    for mode in "${AVAILABLE[@]}"; do
      for cache in ${CACHES//,/ }; do
        measure_reads "$size" "$mode" "$cache" "$db"
      done
    done
  fi

  if [[ ,$MEASURE, == *,plans,* ]]; then
    capture_plans "$size" "${AVAILABLE[0]}" "$db"
  fi

  bench_values=$(sql "$db" -c "select count(*) from observation o join series s on s.id = o.series_id where s.indicator_id like 'bench-ind-%'")
  sql "$db" -F $'\t' -c "select s.indicator_id, s.geo, o.period, v.value
      from observation o join series s on s.id = o.series_id
      join observation_version v on v.observation_id = o.id and v.realtime_end is null
      where s.indicator_id like 'bench-ind-%' order by o.id" > "$WORK/publish-values.tsv"
  if [[ ,$MEASURE, == *,publishing,* ]]; then
    for mode in "${AVAILABLE[@]}"; do
      measure_publishing "$size" "$mode" "$db" "$bench_values"
    done
  fi
  psql_db postgres -c "drop database $db"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------------------------------------ report
python3 - "$WORK/rows.tsv" "$WORK/facts.tsv" "$WORK/endpoints.tsv" "${AVAILABLE[*]}" "$PUBLISH_SIZES" > "$RESULTS" << 'EOF'
import sys
rows_file, facts_file, endpoints_file, modes, publish_sizes = sys.argv[1:6]
def num(v):
    try:
        return float(v)
    except ValueError:
        return None
def ms(v):
    x = num(v)
    return '-' if x is None else (f'{x:.2f} ms' if x < 10 else f'{x:.1f} ms' if x < 100 else f'{x:.0f} ms')
def rate(v):
    x = num(v)
    return '-' if x is None else f'{x:,.0f}'
def nbytes(v):
    x = num(v)
    return '-' if x is None else f'{x / 1024:,.1f} KiB' if x >= 1024 else f'{x:.0f} B'

def per_request(cpu_ms, completed):
    x, n = num(cpu_ms), num(completed)
    return '-' if x is None or not n else f'{1000 * x / n:.0f} µs'

print('| Size | Mode | Cache | Endpoint | Status | Body | Service req/s | nginx req/s | Service / nginx '
      '| Service p50 | Service p99 | Sequential p50 | Errors (service / nginx) | CPU per request, service / PostgreSQL |')
print('|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for line in open(rows_file):
    (size, mode, cache, endpoint, status, body, rps, p50, p99, errors, completed, seq_p50, nginx_rps,
     nginx_errors, service_cpu, postgres_cpu) = line.rstrip('\n').split('\t')
    ratio = f'{100 * num(rps) / num(nginx_rps):.1f} %' if num(rps) is not None and num(nginx_rps) else '-'
    print(f'| {size} | {mode} | {cache} | {endpoint} | {status} | {nbytes(body)} | {rate(rps)} | {rate(nginx_rps)} '
          f'| {ratio} | {ms(p50)} | {ms(p99)} | {ms(seq_p50)} | {errors} / {nginx_errors} '
          f'| {per_request(service_cpu, completed)} / {per_request(postgres_cpu, completed)} |')

facts = {}
for line in open(facts_file):
    size, mode, key, value = line.rstrip('\n').split('\t')
    facts[(size, mode, key)] = value
sizes = list(dict.fromkeys(k[0] for k in facts))
publish = publish_sizes.split(',')
print()
print('| Size | Generation (psql) | pgbench -S tps | Mode | RSS after the load (peak since start), cached / uncached '
      '| ERROR / OutOfMemoryError log lines, cached; uncached | Slowest readiness probe under load, cached; uncached | '
      + ' | '.join(f'Publish {int(n):,} values' for n in publish) + ' | RSS after publishing | ERROR / OOM lines, publishing |')
print('|---|---:|---:|---|---|---|---|' + '---|' * len(publish) + '---|---|')
for size in sizes:
    for mode in modes.split():
        get = lambda key: facts.get((size, mode, key), '-')
        print(f"| {size} | {facts.get((size, '-', 'generation'), '-')} | {rate(facts.get((size, '-', 'pgbench'), '-'))} "
              f"| {mode} | {get('rss_cached')} / {get('rss_uncached')} MiB | {get('errors_cached')}; {get('errors_uncached')} | "
              f"{get('probes_cached')}; {get('probes_uncached')} | "
              + ' | '.join(get(f'publish_{n}') for n in publish)
              + f" | {get('rss_publish')} MiB | {get('errors_publish')} |")
print()
print('Endpoints (the series is `bench-ind-042`, or `bench-ind-000` where the catalogue has fewer indicators; '
      'the change feed starts a microsecond before the last bench release):')
print()
seen = set()
for line in open(endpoints_file):
    size, label, path = line.rstrip('\n').split('\t')
    if label == 'changes, last release' or (label, path) not in seen:
        print(f'- {size}, {label}: `{path}`' + (' with `If-None-Match: <its ETag>`' if 'If-None-Match' in label else ''))
    seen.add((label, path))
EOF
{
  echo
  echo "Load: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $WRK_TIMEOUT --latency\` after ${WARMUP} of the same load"
  echo "(service), and \`wrk -t1 -c1 -d$SEQ_DURATION --latency\` for the sequential p50; nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///')"
  echo "(2 workers, etag on, access log off) serves the bytes curl fetched from the service once. Errors: non-2xx/3xx"
  echo "responses plus socket errors (a response slower than $WRK_TIMEOUT is a timeout). Status: what curl got before the"
  echo "load (the conditional read should be 304). pgbench: \`pgbench -S -c $CONNECTIONS -j $THREADS -T $PGBENCH_DURATION\`,"
  echo "scale $PGBENCH_SCALE. RSS: VmRSS of the service process (peak: its VmHWM). Publishing: HTTP status and curl's total time."
  echo "CPU per request: the user and system time the service process, and all of PostgreSQL's processes, used during"
  echo "the loaded run, over the requests it completed; wrk and nginx share the same cores."
  for mode in "${AVAILABLE[@]}"; do
    case $mode in
      jvm) echo "JVM: \`java $JVM_OPTS -jar quarkus-run.jar\` ($("$JAVA_HOME/bin/java" -version 2>&1 | head -1)), built $(date -u -r "$APP_DIR/quarkus-run.jar" '+%Y-%m-%d %H:%M UTC')." ;;
      native) echo "Native: \`$NATIVE_ENV $(basename "$RUNNER") $NATIVE_OPTS\`, built $(date -u -r "$RUNNER" '+%Y-%m-%d %H:%M UTC')." ;;
    esac
  done
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ { print $2 }') GB RAM;"
  echo "PostgreSQL $(postgres_version) (fsync off) on the same machine, as are wrk and nginx; $(date -u +%Y-%m-%d);"
  echo "load average before: $LOAD_BEFORE, after: $LOAD_AFTER."
} >> "$RESULTS"
echo
cat "$RESULTS"
