#!/usr/bin/env bash
# Builds and runs arkivverket's open-source Noark 5 reference server (nikita-noark5-core) on loopback, empty,
# so that the contract suite and the local stack can be checked against a real server (docs/real-archive.md).
#
#   scripts/nikita.sh start NIKITA_CHECKOUT   build (first time, ~2 min) and start on 127.0.0.1:18092
#   scripts/nikita.sh stop
#
# NIKITA_CHECKOUT is a clone of https://github.com/arkivverket/nikita-noark5-core (tested at 74e2535c).
# Env: NIKITA_PORT (18092), NIKITA_JAVA_HOME (a JDK 17), NIKITA_RUN_DIR (target/nikita: log, pid, files).
# Nothing of nikita is copied into this project; its in-memory database starts empty on every start.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR=${NIKITA_RUN_DIR:-$PWD/target/nikita}
PORT=${NIKITA_PORT:-18092}
PID_FILE="$RUN_DIR/nikita.pid"

stop() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"
    for _ in $(seq 1 30); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 1; done
    echo "nikita stopped"
  fi
  rm -f "$PID_FILE"
}

start() {
  local src=${1:?usage: scripts/nikita.sh start NIKITA_CHECKOUT}
  export JAVA_HOME=${NIKITA_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
  export PATH="$JAVA_HOME/bin:$PATH"
  mkdir -p "$RUN_DIR"
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "nikita is already running (pid $(cat "$PID_FILE")); scripts/nikita.sh stop first" >&2; exit 1
  fi
  local jar
  jar=$(ls "$src"/target/nikita-noark5-core-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ]; then
    echo "building nikita in $src (mvn -DskipTests package) ..."
    (cd "$src" && mvn -B -q -DskipTests package) > "$RUN_DIR/build.log" 2>&1 || { tail -40 "$RUN_DIR/build.log"; exit 1; }
    jar=$(ls "$src"/target/nikita-noark5-core-*.jar | grep -v original | head -1)
  fi
  rm -rf "$RUN_DIR/data"; mkdir -p "$RUN_DIR/data"
  # Default profile: in-memory H2 and demo users. Full-text search (Elasticsearch, only for $search) is off.
  NIKITA_BASE_DIR="$RUN_DIR/data" setsid nohup java -Xmx1g -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$PORT" \
    --nikita.server.hateoas.publicAddress="http://127.0.0.1:$PORT" \
    --spring.jpa.properties.hibernate.search.enabled=false \
    > "$RUN_DIR/nikita.log" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  local root="http://127.0.0.1:$PORT/noark5v5/"
  for i in $(seq 1 240); do
    # The root answers a few seconds before the demo users are seeded: wait until a token is granted too.
    if curl -sf -o /dev/null "$root" && curl -sf -o /dev/null -u nikita-client:secret -d grant_type=password \
        -d username=admin@example.com -d password=password "${root}oauth/token"; then
      echo "nikita is up after ${i}s: $root"
      echo "token endpoint: ${root}oauth/token (client nikita-client/secret as HTTP Basic; user admin@example.com/password)"
      return 0
    fi
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { echo "nikita died; see $RUN_DIR/nikita.log" >&2; tail -30 "$RUN_DIR/nikita.log" >&2; exit 1; }
    sleep 1
  done
  echo "nikita did not answer within 240 s; see $RUN_DIR/nikita.log" >&2; exit 1
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: scripts/nikita.sh start NIKITA_CHECKOUT | stop" >&2; exit 2 ;;
esac
