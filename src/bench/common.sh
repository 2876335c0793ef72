# Sourced by the scripts in src/bench: their shared settings, and a throw-away PostgreSQL in $WORK/pg on a free
# port, stopped and removed with $WORK when the script exits (set WORK, an empty temporary directory, first).

RUNS=${RUNS:-5}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# The heap settings recommended for production (also in deploy/kubernetes/base/deployment.yaml).
NATIVE_OPTS=${NATIVE_OPTS:--Xmx48m -XX:ActiveProcessorCount=2}
# The malloc settings the native image runs with (deploy/Dockerfile.native): off-heap memory given back when freed.
NATIVE_ENV=${NATIVE_ENV:-MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUILD=true
[ "${1:-}" = --no-build ] && BUILD=false

# etag_of <url>: the ETag header of the answer at url.
etag_of() { curl -s -D - -o /dev/null "$@" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# initdb and postgres refuse to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  PG_PORT=$(free_port)
  [ "$(id -u)" = 0 ] && chown postgres "$WORK"
  as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust --no-sync > "$WORK/initdb.log"
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off ${PG_OPTS:-}" start > /dev/null
  trap stop_postgres EXIT
}

stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop > /dev/null 2>&1 || true
  rm -rf "$WORK"
}

createdb() { as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1"; }

postgres_version() { "$PG_BIN/postgres" --version | awk '{ print $3 }'; }

# The environment that points the service at database $1 and port $2.
service_env() {
  echo QUARKUS_HTTP_PORT="$2" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$1" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
}
