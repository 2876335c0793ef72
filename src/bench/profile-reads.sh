#!/usr/bin/env bash
# Where a native executable's time goes while it serves one read under load: perf samples of the serving process
# during a wrk run, summed into the layers a request passes through. For each executable, in one run: the same read
# from nginx (the same bytes), then from the executable, then the executable again under perf.
#
#   src/bench/profile-reads.sh                       profile target/*-runner (built by profile.sh: it needs symbols)
#   RUNNERS="before=/tmp/a-runner after=/tmp/b-runner" src/bench/profile-reads.sh
#   RUNNERS="traced=/tmp/a-runner untraced=/tmp/a-runner@QUARKUS_OTEL_SDK_DISABLED=true" src/bench/profile-reads.sh
#
# A runner may carry settings after an @, comma-separated VAR=value pairs, set in its environment: the same executable
# configured two ways is then compared in one run.
#
# Settings (environment): URL (the headline, /v1/indicators/ai-workforce-shortfall/observations?geo=KR), DURATION
# (6s), CONNECTIONS (64), CACHE (true: the response cache on; false profiles the uncached read), CONDITIONAL (false;
# true sends each server its own ETag of the answer in If-None-Match, so both answer 304), KEEP (a directory to
# copy each executable's perf stacks to, for reading beyond the layers). The executables must
# keep local symbols and frame pointers (profile.sh's build: -H:-DeleteLocalSymbols,-H:+PreserveFramePointer), or
# perf cannot name the frames. Needs what benchmark.sh needs, plus perf, wrk and nginx. Writes RESULTS and OUT
# (src/bench/profile-reads.md and src/bench/profile-reads-output.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=src/bench
source $BENCH/common.sh

URL=${URL:-/v1/indicators/ai-workforce-shortfall/observations?geo=KR}
DURATION=${DURATION:-6s}
CONNECTIONS=${CONNECTIONS:-64}
CACHE=${CACHE:-true}
CONDITIONAL=${CONDITIONAL:-false}
RUNNERS=${RUNNERS:-runner=$(ls target/*-runner)}
RESULTS=${RESULTS:-$BENCH/profile-reads.md}
OUT=${OUT:-$BENCH/profile-reads-output.txt}
WORK=$(mktemp -d /tmp/indicator-profile-reads.XXXXXX)
exec > >(tee "$OUT") 2>&1
log() { echo "[profile-reads] $*"; }
for tool in perf wrk nginx curl; do command -v $tool > /dev/null || { echo "$tool is needed"; exit 1; }; done

start_postgres
createdb reads
first=${RUNNERS%% *}
port=$(free_port)
log "first start applies the migrations and loads the seeds"
first=${first#*=}
env $(service_env reads "$port") python3 $BENCH/measure.py "$port" 1 "$WORK/first.log" -- env $NATIVE_ENV "${first%%@*}" $NATIVE_OPTS

nginx_port=$(free_port)
mkdir -p "$WORK/www"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; etag on; server { listen 127.0.0.1:$nginx_port; root $WORK/www; default_type application/json; } }
CONF
rate() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@" | awk '/Requests\/sec/ { print $2 }'; }

summaries=()
for entry in $RUNNERS; do
  label=${entry%%=*}
  runner=${entry#*=}
  settings=
  if [[ $runner == *@* ]]; then settings=${runner#*@}; runner=${runner%%@*}; fi
  port=$(free_port)
  env $(service_env reads "$port") INDICATORS_RESPONSE_CACHE_ENABLED=$CACHE $NATIVE_ENV ${settings//,/ } "$runner" $NATIVE_OPTS \
    > "$WORK/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port$URL" -o "$WORK/www/answer"
  [ -s "$WORK/www/answer" ] || { log "$label: no answer for $URL"; exit 1; }
  [ -f "$WORK/nginx.pid" ] || nginx -c "$WORK/nginx.conf"
  service_headers=() nginx_headers=()
  if [ "$CONDITIONAL" = true ]; then
    service_headers=(-H "If-None-Match: $(etag_of "http://127.0.0.1:$port$URL")")
    nginx_headers=(-H "If-None-Match: $(etag_of "http://127.0.0.1:$nginx_port/answer")")
  fi
  wrk -t2 -c"$CONNECTIONS" -d2s "${service_headers[@]}" "http://127.0.0.1:$port$URL" > /dev/null
  nginx_rate=$(rate "${nginx_headers[@]}" "http://127.0.0.1:$nginx_port/answer")
  service_rate=$(rate "${service_headers[@]}" "http://127.0.0.1:$port$URL")
  log "$label: nginx $nginx_rate req/s, service $service_rate req/s"
  perf record -q -F 2000 -g -p "$pid" -o "$WORK/$label.perf" -- sleep "${DURATION%s}" &
  recording=$!
  profiled_rate=$(rate "${service_headers[@]}" "http://127.0.0.1:$port$URL")
  wait $recording
  kill "$pid"; wait "$pid" 2> /dev/null || true
  perf script -i "$WORK/$label.perf" -F ip,sym > "$WORK/$label.stacks" 2> /dev/null
  [ -z "${KEEP:-}" ] || { mkdir -p "$KEEP"; cp "$WORK/$label.stacks" "$KEEP/"; }
  summaries+=("$label|$runner${settings:+ with $settings}|$nginx_rate|$service_rate|$profiled_rate|$WORK/$label.stacks")
done
kill "$(cat "$WORK/nginx.pid")" 2> /dev/null || true

python3 - "$URL" "$CACHE" "$CONDITIONAL" "${summaries[@]}" > "$RESULTS" <<'PY'
import collections, sys

url, cache, conditional, runs = sys.argv[1], sys.argv[2], sys.argv[3] == "true", sys.argv[4:]
# Layers a request passes through, each named by frames that mark it; a sample counts for every layer on its stack.
LAYERS = [
    ("cache hit served ahead of REST (HttpCaching.answerFromCache)", ("HttpCaching_answerFromCache",)),
    ("Quarkus REST (filters, cache lookup, writer)", ("QuarkusResteasyReactiveRequestContext_invokeHandler",)),
    ("  response cache lookup (HttpCaching.cachedAnswer, until a0325a7)", ("HttpCaching_cachedAnswer",)),
    ("  a record's equals or hashCode (interpreted method handles)", ("Key_equals", "Key_hashCode")),
    ("  writing the answer (REST writer, Vert.x end)", ("ResponseWriterHandler_handle",)),
    ("REST's auth-failure handler naming the operation (a path matcher per request, until d921b54)",
     ("ObservabilityIntegrationRecorder_setTemplatePath",)),
    ("OpenTelemetry (tracer on request and response)", ("OpenTelemetryVertxTracer_",)),
    ("Micrometer (HTTP server metrics)", ("VertxHttpServerMetrics_",)),
    ("allocation slow path (new TLAB or chunk)", ("ThreadLocalAllocation_slowPath",)),
    ("  of which the GC policy recomputing its sizes", ("AbstractCollectionPolicy_updateSizeParameters",)),
    ("garbage collection", ("GCImpl_collectOperation",)),
    ("socket writes (writev)", ("writev",)),
    ("everything the process did (the denominator)", ("",)),
]
print(f"# Where a read's time goes in the native executable\n")
print(f"Run of `src/bench/profile-reads.sh` (CACHE={cache}, CONDITIONAL={str(conditional).lower()}): `{url}`"
      f"{' with If-None-Match: its ETag (304)' if conditional else ''} under wrk -t2 -c64, perf at 2 kHz on the service "
      "process only; the share of samples with the layer on the stack (layers nest, so shares do not add up). "
      "Throughput beside nginx serving the same bytes, in the same run.\n")
header = "| Layer |" + "".join(f" {r.split('|')[0]} |" for r in runs)
print(header)
print("|---|" + "---:|" * len(runs))
tables = []
for run in runs:
    label, runner, nginx, service, profiled, stacks = run.split("|")
    samples = [s for s in open(stacks).read().strip().split("\n\n") if s.strip()]
    counts = collections.Counter()
    for sample in samples:
        text = sample
        for name, marks in LAYERS:
            if any(m in text for m in marks):
                counts[name] += 1
    tables.append((label, runner, float(nginx), float(service), float(profiled), len(samples), counts))
print("| service req/s (nginx req/s, ratio) |" + "".join(
    f" {s:,.0f} ({n:,.0f}, {100 * s / n:.1f} %) |" for _, _, n, s, _, _, _ in tables))
for name, _ in LAYERS:
    print(f"| {name} |" + "".join(f" {100 * c[name] / max(total, 1):.1f} % |" for *_, total, c in tables))
print("| samples |" + "".join(f" {total} |" for *_, total, _ in tables))
print()
for label, runner, *_ in tables:
    print(f"- {label}: `{runner}`")
PY
cat "$RESULTS"
