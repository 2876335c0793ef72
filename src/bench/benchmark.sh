#!/usr/bin/env bash
# Start-up and memory benchmark: the native executable against the JVM fast-jar, on a PostgreSQL this script starts.
#
#   src/bench/benchmark.sh               build both (native build timed), then measure
#   src/bench/benchmark.sh --no-build    measure the executables already in target/
#
# Needs: JDK 25 (JAVA_HOME), GRAALVM_HOME for the native build, PostgreSQL server binaries (PG_BIN, default
# /usr/lib/postgresql/15/bin), python3, /usr/bin/time. Builds write target/; run it in a copy of the project if
# others are building in this one. Writes src/bench/results.md (the README table) and src/bench/benchmark-output.txt.
#
# What is measured, RUNS times per mode, medians reported:
#   first response  time from spawning the process to the first 200 of GET $PATH_UNDER_TEST, on a WARM RESTART:
#                   the database already holds the schema and the seeds (applied by one unmeasured start first).
#                   As a serving pod runs in production ($SERVING_ENV: the init task migrates and seeds, once per
#                   rollout), the time includes connecting and the schema-version readiness check; with the defaults
#                   (dev, tests, a single process) it also includes Flyway's validation of the applied migrations and
#                   the seed loader's check that every seed file is applied. The same with an empty database
#                   (migrations and all seeds applied) is reported as the cold first start.
#   RSS             VmRSS of the process after that first response, and after $REQUESTS sequential requests.
#   the floor       the same warm restarts of src/bench/floor, the smallest application on the same stack (Quarkus
#                   REST, Hibernate ORM with Panache, PostgreSQL over JDBC; same Quarkus version and native flags)
#                   answering one query, natively: how far above the framework's floor the service starts. Built with
#                   the service (or FLOOR_RUNNER, or src/bench/floor/target/*-runner with --no-build).
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=src/bench
source $BENCH/common.sh
REQUESTS=${REQUESTS:-1000}
JVM_OPTS=${JVM_OPTS:--Xmx128m}
PATH_UNDER_TEST="/v1/indicators/ai-workforce-shortfall/observations?geo=KR"
# What deploy/kubernetes/base/deployment.yaml sets on a serving pod.
SERVING_ENV="QUARKUS_FLYWAY_MIGRATE_AT_START=false INDICATORS_SEEDS_ENABLED=false"

OUT=$BENCH/benchmark-output.txt
WORK=$(mktemp -d /tmp/indicator-bench.XXXXXX)
exec > >(tee "$OUT") 2>&1

log() { echo "[bench] $*"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
field() { python3 -c "import json,sys; [print(json.loads(l)['$1']) for l in sys.stdin if l.startswith('{')]"; }

# --------------------------------------------------------------------------------------------- build
NATIVE_BUILD="(not built by this run)"
if $BUILD; then
  : "${GRAALVM_HOME:?set GRAALVM_HOME to a GraalVM or Mandrel 25 (for example the last line of ../shared/tools/graalvm/assemble.sh)}"
  export GRAALVM_HOME
  log "native build (./mvnw package -Dnative), timed with /usr/bin/time -v"
  /usr/bin/time -v -o "$WORK/native-build.time" ./mvnw -B -q package -Dnative -DskipTests \
    -Dquarkus.native.native-image-xmx=4g > "$WORK/native-build.log" 2>&1 \
    || { tail -50 "$WORK/native-build.log"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$WORK/native-build.time")
  peak_kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/native-build.time")
  image_step=$(grep -E "^Finished generating" "$WORK/native-build.log" | sed -e 's/.* in //' -e 's/\.$//' || true)
  image_peak=$(grep -oE "Peak RSS: [0-9.]+GB" "$WORK/native-build.log" | head -1 | sed 's/Peak RSS: //' || true)
  NATIVE_BUILD="$wall (m:ss) wall clock for \`./mvnw package -Dnative\`, of which $image_step in native-image; peak RSS $(awk -v k="$peak_kib" 'BEGIN { printf "%.2f GiB", k / 1048576 }') (largest process, /usr/bin/time -v; native-image reports ${image_peak:-n/a}) with the builder heap capped at 4g, $(nproc) cores"
  log "native build: $NATIVE_BUILD"
  log "floor build (./mvnw -f src/bench/floor/pom.xml package -Dnative)"
  ./mvnw -B -q -f $BENCH/floor/pom.xml package -Dnative -DskipTests -Dquarkus.native.native-image-xmx=4g \
    > "$WORK/floor-build.log" 2>&1 || { tail -50 "$WORK/floor-build.log"; exit 1; }
  log "JVM build (./mvnw package)"
  ./mvnw -B -q package -DskipTests > "$WORK/jvm-build.log" 2>&1 || { tail -50 "$WORK/jvm-build.log"; exit 1; }
fi
RUNNER=${RUNNER:-$(ls target/*-runner)}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
FLOOR_RUNNER=${FLOOR_RUNNER:-$(ls $BENCH/floor/target/*-runner 2> /dev/null || true)}
[ -x "$RUNNER" ] && [ -f "$JAR" ] || { echo "build first: $RUNNER and $JAR are needed"; exit 1; }

# --------------------------------------------------------------------------------------------- PostgreSQL
start_postgres
log "PostgreSQL $(postgres_version) on port $PG_PORT"
createdb bench

# measure <mode> <database> [VAR=value ...] -> one JSON line
measure() {
  local mode=$1 db=$2 port cmd
  shift 2
  port=$(free_port)
  if [ "$mode" = native ]; then cmd=(env $NATIVE_ENV "$RUNNER" $NATIVE_OPTS); else cmd=("$JAVA_HOME/bin/java" $JVM_OPTS -jar "$JAR"); fi
  env $(service_env "$db" "$port") "$@" python3 $BENCH/measure.py "$port" "$REQUESTS" "$WORK/$mode-$db.log" -- "${cmd[@]}"
}

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before measuring: $LOAD"
log "first start of the JVM build on the empty database 'bench': applies the migrations and seeds (not measured)"
measure jvm bench > /dev/null
grep -E "Applied seed|started in" "$WORK/jvm-bench.log" | sed 's/^/    /'

declare -A RESULT
for mode in native jvm; do
  log "$mode: $RUNS warm restarts"
  : > "$WORK/$mode.jsonl"
  for i in $(seq "$RUNS"); do
    measure "$mode" bench | tee -a "$WORK/$mode.jsonl"
  done
  grep -hoE "started in [0-9.]+s" "$WORK/$mode-bench.log" | sed "s/^/    last run: Quarkus reports /"
  log "$mode: $RUNS warm restarts as a serving pod ($SERVING_ENV)"
  : > "$WORK/$mode-serving.jsonl"
  for i in $(seq "$RUNS"); do
    measure "$mode" bench $SERVING_ENV | tee -a "$WORK/$mode-serving.jsonl"
  done
  log "$mode: $RUNS cold first starts, each on a new empty database"
  : > "$WORK/$mode-cold.jsonl"
  for i in $(seq "$RUNS"); do
    createdb "cold_${mode}_$i"
    measure "$mode" "cold_${mode}_$i" | tee -a "$WORK/$mode-cold.jsonl"
  done
  for f in first_response_ms cpu_to_first_response_ms rss_start_mib rss_after_mib requests_per_s; do
    RESULT[$mode.$f]=$(field $f < "$WORK/$mode.jsonl" | median)
  done
  for f in first_response_ms cpu_to_first_response_ms rss_start_mib rss_after_mib requests_per_s; do
    RESULT[$mode.serving.$f]=$(field $f < "$WORK/$mode-serving.jsonl" | median)
  done
  RESULT[$mode.cold]=$(field first_response_ms < "$WORK/$mode-cold.jsonl" | median)
done

if [ -n "$FLOOR_RUNNER" ] && [ -x "$FLOOR_RUNNER" ]; then
  createdb floor
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d floor -f $BENCH/floor/src/main/resources/schema.sql
  log "floor: $RUNS warm restarts of $FLOOR_RUNNER $NATIVE_OPTS"
  : > "$WORK/floor.jsonl"
  for i in $(seq "$RUNS"); do
    port=$(free_port)
    env $(service_env floor "$port") MEASURE_PATH=/observations python3 $BENCH/measure.py "$port" "$REQUESTS" \
      "$WORK/floor.log" -- env $NATIVE_ENV "$FLOOR_RUNNER" $NATIVE_OPTS | tee -a "$WORK/floor.jsonl"
  done
  for f in first_response_ms cpu_to_first_response_ms rss_after_mib; do
    RESULT[floor.$f]=$(field $f < "$WORK/floor.jsonl" | median)
  done
  FLOOR_ROW="| The floor (src/bench/floor, native, same flags): first response; CPU; RSS after $REQUESTS requests | ${RESULT[floor.first_response_ms]} ms; ${RESULT[floor.cpu_to_first_response_ms]} ms; ${RESULT[floor.rss_after_mib]} MiB | |
| The serving pod's CPU to its first response, over the floor's | $(python3 -c "print(f'{${RESULT[native.serving.cpu_to_first_response_ms]} / ${RESULT[floor.cpu_to_first_response_ms]}:.2f} x')") | |"
else
  FLOOR_ROW="| The floor (src/bench/floor) | not built | |"
fi

native_size=$(du -m --apparent-size "$RUNNER" | cut -f1)
jvm_size=$(du -sm --apparent-size target/quarkus-app | cut -f1)
{
  echo "| Median of $RUNS runs | Native (\`$(basename "$RUNNER") $NATIVE_OPTS\`) | JVM (\`java $JVM_OPTS -jar quarkus-run.jar\`) |"
  echo "|---|---|---|"
  echo "| First response, warm restart of a serving pod (migrations and seeds left to the init task) | ${RESULT[native.serving.first_response_ms]} ms | ${RESULT[jvm.serving.first_response_ms]} ms |"
  echo "| CPU time used until then (all threads; less sensitive to other load) | ${RESULT[native.serving.cpu_to_first_response_ms]} ms | ${RESULT[jvm.serving.cpu_to_first_response_ms]} ms |"
  echo "| RSS of the serving pod after $REQUESTS requests | ${RESULT[native.serving.rss_after_mib]} MiB | ${RESULT[jvm.serving.rss_after_mib]} MiB |"
  echo "$FLOOR_ROW"
  echo "| First response, warm restart with Flyway's validation and the seed check (the defaults) | ${RESULT[native.first_response_ms]} ms | ${RESULT[jvm.first_response_ms]} ms |"
  echo "| CPU time used until then | ${RESULT[native.cpu_to_first_response_ms]} ms | ${RESULT[jvm.cpu_to_first_response_ms]} ms |"
  echo "| First response, cold first start (migrations and seeds applied) | ${RESULT[native.cold]} ms | ${RESULT[jvm.cold]} ms |"
  echo "| RSS after first response | ${RESULT[native.rss_start_mib]} MiB | ${RESULT[jvm.rss_start_mib]} MiB |"
  echo "| RSS after $REQUESTS requests | ${RESULT[native.rss_after_mib]} MiB | ${RESULT[jvm.rss_after_mib]} MiB |"
  echo "| Throughput of those requests (one connection, sequential) | ${RESULT[native.requests_per_s]} req/s | ${RESULT[jvm.requests_per_s]} req/s |"
  echo "| Size on disk | $native_size MB executable | $jvm_size MB \`target/quarkus-app\` (plus a JRE) |"
  echo
  echo "Native build: $NATIVE_BUILD."
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ { print $2 }') GB RAM;"
  echo "PostgreSQL $(postgres_version) on the same machine; $(date -u +%Y-%m-%d); load average before measuring: $LOAD."
} > $BENCH/results.md
echo
cat $BENCH/results.md
