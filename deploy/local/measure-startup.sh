#!/usr/bin/env bash
# Measures a service's start-up: time from launching the JVM to the first successful /q/health/ready, and its resident
# memory then; with and without the JDK 25 AOT cache (target/quarkus-app/app.aot, built by
#   mvn -pl <svc> verify -Dquarkus.package.jar.aot.enabled=true -DskipITs=false
# which trains it with the service's @QuarkusIntegrationTest). Needs the infrastructure up.
# Usage: measure-startup.sh <service-dir> [runs]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
svc="$1"; runs="${2:-5}"
app="$REPO_DIR/$svc/target/quarkus-app"
port=18999
"$LOCAL_DIR/local-keys.sh"
measure() {
  local label="$1"; shift
  local total=0 rss_total=0
  for i in $(seq 1 "$runs"); do
    local start end pid rss
    start=$(date +%s%N)
    (cd "$app" && HTTP_PORT=$port KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
      JWT_PUBLIC_KEY_LOCATION="file:$KEYS_DIR/jwt-public.pem" exec java "$@" -Dquarkus.log.level=WARN -jar quarkus-run.jar >/dev/null 2>&1) &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "$svc exited during start-up" >&2; exit 1; }
      sleep 0.01
    done
    end=$(date +%s%N)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -P $pid java || echo $pid)/status" 2>/dev/null || echo 0)
    kill $pid; wait $pid 2>/dev/null || true
    total=$((total + (end - start) / 1000000)); rss_total=$((rss_total + rss))
  done
  printf '%-22s %-14s start-up to ready: %5d ms (mean of %d)   RSS at ready: %4d MiB\n' "$svc" "$label" $((total / runs)) "$runs" $((rss_total / runs / 1024))
}
measure "no AOT cache"
if [ -f "$app/app.aot" ]; then
  measure "AOT cache" -XX:AOTCache=app.aot
else
  echo "$svc: no $app/app.aot (build it with -Dquarkus.package.jar.aot.enabled=true -DskipITs=false)"
fi
