#!/usr/bin/env bash
# Fetch (from Maven Central, with mvn) and run a local single-node search server
# for tests and development, bound to 127.0.0.1 with security off.
#
#   scripts/elasticsearch.sh fetch|start|stop|status|url
#
# SEARCH_ENGINE=opensearch (default) or elasticsearch. Elasticsearch's Maven
# Central "integ-test-zip" lacks the analysis-common module (no `danish`
# analyzer, asciifolding, synonym_graph, edge_ngram ...) and the `GET /`
# endpoint; OpenSearch's integ-test-zip ships all its modules (talk to it with
# opensearch-py: elasticsearch-py refuses servers that are not Elasticsearch).
# Env: SEARCH_ENGINE, ES_VERSION, ES_PORT (9201), ES_JAVA_OPTS (-Xms512m -Xmx512m).
set -euo pipefail

ENGINE="${SEARCH_ENGINE:-opensearch}"
case "$ENGINE" in
  opensearch) ES_VERSION="${ES_VERSION:-3.8.0}" GROUP=org.opensearch.distribution.integ-test-zip ;;
  elasticsearch) ES_VERSION="${ES_VERSION:-9.5.4}" GROUP=org.elasticsearch.distribution.integ-test-zip ;;
  *) echo "SEARCH_ENGINE must be opensearch or elasticsearch" >&2; exit 2 ;;
esac
ES_PORT="${ES_PORT:-9201}"
JVM_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="$ROOT/var/elasticsearch"
ES_HOME="$BASE/$ENGINE-$ES_VERSION"
DATA="$BASE/data-$ENGINE-$ES_PORT"
PIDFILE="$BASE/es-$ES_PORT.pid"
URL="http://127.0.0.1:$ES_PORT"
RUN_USER=elasticsearch  # the servers refuse to run as root

fetch() {
  [[ -x "$ES_HOME/bin/$ENGINE" ]] && return
  mkdir -p "$BASE"
  (cd "$BASE" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$GROUP:$ENGINE:$ES_VERSION:zip" -DoutputDirectory="$BASE" >"$BASE/mvn.log" 2>&1) \
    || { cat "$BASE/mvn.log" >&2; exit 1; }
  rm -rf "$BASE/.unzip" && unzip -q "$BASE/$ENGINE-$ES_VERSION.zip" -d "$BASE/.unzip"
  mv "$BASE/.unzip/$ENGINE-$ES_VERSION" "$ES_HOME"
  rm -rf "$BASE/.unzip" "$BASE/$ENGINE-$ES_VERSION.zip" "$BASE/mvn.log"
}

java_home() {  # first JDK under /usr/lib/jvm of version 21 or newer
  local jdk major
  for jdk in /usr/lib/jvm/*/; do
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)"
    if [[ -x "$jdk/bin/java" && "${major:-0}" -ge 21 ]]; then echo "${jdk%/}"; return; fi
  done
  echo "no JDK >= 21 under /usr/lib/jvm" >&2; return 1
}

running() { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

start() {
  if running; then echo "already running at $URL"; return; fi
  fetch
  local jdk run=() opts=()
  jdk="$(java_home)"
  mkdir -p "$DATA/data" "$DATA/logs"
  if [[ "$(id -u)" == 0 ]]; then
    id -u "$RUN_USER" >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
    chown -R "$RUN_USER:" "$BASE"
    run=(runuser -u "$RUN_USER" --)
    "${run[@]}" test -r "$ES_HOME/bin/$ENGINE" || { echo "$RUN_USER cannot reach $BASE: make its parent directories traversable (chmod o+x)" >&2; exit 1; }
  fi
  [[ -d "$ES_HOME/modules/x-pack-security" ]] && opts+=(-E xpack.security.enabled=false)
  rm -f "$PIDFILE"
  ES_JAVA_HOME="$jdk" OPENSEARCH_JAVA_HOME="$jdk" ES_JAVA_OPTS="$JVM_OPTS" OPENSEARCH_JAVA_OPTS="$JVM_OPTS" \
    "${run[@]}" "$ES_HOME/bin/$ENGINE" -d -p "$PIDFILE" \
      -E discovery.type=single-node -E network.host=127.0.0.1 -E http.port="$ES_PORT" \
      -E path.data="$DATA/data" -E path.logs="$DATA/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false "${opts[@]}" \
      >"$DATA/logs/launcher.log" 2>&1 || { tail -n 40 "$DATA/logs/launcher.log" >&2; exit 1; }
  # OpenSearch's -d returns at once; it writes the PID file early and removes it on exit.
  local pid="" deadline=$((SECONDS + 120))
  until curl -fs "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; do
    [[ -z "$pid" && -f "$PIDFILE" ]] && pid="$(cat "$PIDFILE")"
    if (( SECONDS > deadline )) || { [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; }; then
      echo "$ENGINE did not become healthy at $URL; log tail:" >&2
      tail -n 30 "$DATA/logs/launcher.log" "$DATA/logs/$ENGINE.log" >&2 || true
      exit 1
    fi
    sleep 1
  done
  echo "$ENGINE $(curl -fs "$URL/_nodes/_local?filter_path=nodes.*.version" | sed 's/.*"version":"\([^"]*\)".*/\1/') running at $URL (java: $jdk)"
}

stop() {
  if ! running; then rm -f "$PIDFILE"; echo "not running"; return; fi
  local pid
  pid="$(cat "$PIDFILE")"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  rm -f "$PIDFILE"
  echo "stopped"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status|url) if running; then echo "$URL"; else echo "not running" >&2; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|status|url" >&2; exit 2 ;;
esac
