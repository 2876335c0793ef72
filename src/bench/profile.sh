#!/usr/bin/env bash
# Where the native executable's time to its first response goes: warm restarts sampled with perf, each sample
# attributed to the start-up step or request phase it belongs to.
#
#   src/bench/profile.sh               build the native executable with symbols and frame pointers, then profile
#   src/bench/profile.sh --no-build    profile the executable already in target/ (built by this script before)
#   RUNNER=/tmp/x-runner src/bench/profile.sh --no-build    profile another executable built the same way
#
# Needs what benchmark.sh needs, plus perf (Debian: linux-perf). The profiling build keeps local symbols
# (-H:-DeleteLocalSymbols, so perf can name methods) and frame pointers (-H:+PreserveFramePointer, so it can
# walk stacks); both are for this script only and cost a few per cent of speed. Writes src/bench/profile.md
# and src/bench/profile-output.txt. Run it in a copy of the project if others are building in this one.
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=src/bench
source $BENCH/common.sh

OUT=$BENCH/profile-output.txt
WORK=$(mktemp -d /tmp/indicator-profile.XXXXXX)
exec > >(tee "$OUT") 2>&1
log() { echo "[profile] $*"; }
command -v perf > /dev/null || { echo "perf is needed (Debian: apt-get install linux-perf)"; exit 1; }

if $BUILD; then
  : "${GRAALVM_HOME:?set GRAALVM_HOME to a GraalVM or Mandrel 25}"
  export GRAALVM_HOME
  log "native build with symbols and frame pointers"
  ./mvnw -B -q package -Dnative -DskipTests -Dquarkus.native.native-image-xmx=4g \
    -Dquarkus.native.additional-build-args-append=-H:-DeleteLocalSymbols,-H:+PreserveFramePointer \
    > "$WORK/native-build.log" 2>&1 || { tail -50 "$WORK/native-build.log"; exit 1; }
fi
RUNNER=${RUNNER:-$(ls target/*-runner)}

start_postgres
createdb profile
log "first start on the empty database applies the migrations and seeds (not profiled)"
port=$(free_port)
env $(service_env profile "$port") python3 $BENCH/measure.py "$port" 1 "$WORK/first.log" -- env $NATIVE_ENV "$RUNNER" $NATIVE_OPTS

for i in $(seq "$RUNS"); do
  port=$(free_port)
  env $(service_env profile "$port") perf record -q -F 10000 -g -o "$WORK/perf-$i.data" -- \
    python3 $BENCH/measure.py "$port" 0 "$WORK/run-$i.log" -- env $NATIVE_ENV "$RUNNER" $NATIVE_OPTS
  perf script -i "$WORK/perf-$i.data" -F pid,tid,comm,ip,sym > "$WORK/stacks-$i.txt" 2> /dev/null
done

python3 $BENCH/startup_profile.py "$(basename "$RUNNER")" "$WORK"/stacks-*.txt > $BENCH/profile.md
cat $BENCH/profile.md
