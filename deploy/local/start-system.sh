#!/usr/bin/env bash
# Starts the whole system locally: PostgreSQL and Kafka (start-infra.sh), then the four services as background JVMs,
# waits until each answers /q/health/ready, then the local API gateway (nginx) in front of them. Builds the services first if they are not built.
# Idempotent: services already running (by PID file) are left alone. Stop everything with stop-system.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$LOCAL_DIR/start-infra.sh"

LOGS="$TOKENOMICS_STATE_DIR/logs"
RUN="$TOKENOMICS_STATE_DIR/run"
mkdir -p "$LOGS" "$RUN"

need_build=false
for svc in "${SERVICES[@]}"; do
  [ -f "$REPO_DIR/$svc/target/quarkus-app/quarkus-run.jar" ] || need_build=true
done
[ -f "$REPO_DIR/simulator/target/simulator-0.1.0-SNAPSHOT.jar" ] || need_build=true
if [ "$need_build" = true ] || [ "${REBUILD:-false}" = true ]; then
  log "building the services (mvn package, tests skipped; run deploy/local/run-tests.sh for the tests)"
  (cd "$REPO_DIR" && mvn -B -ntp -q package -DskipTests) || { log "build failed"; exit 1; }
fi

"$LOCAL_DIR/local-keys.sh"
# The simulator's network-monitor key (made on first use) is the one signer performance-service accepts locally.
MONITOR_ALLOWED_SIGNERS="$(java -jar "$REPO_DIR/simulator/target/simulator-0.1.0-SNAPSHOT.jar" keys "$KEYS_DIR")"
# Local nodes (the simulator's, demo.sh's) listen on loopback addresses, so locally node hosts may be private
# (nym.nodes.allow-private-hosts; false everywhere else, see rewards-service and performance-service READMEs).
# MANUAL: an epoch ends when an admin (or the simulator) calls POST /v1/admin/epochs/advance; set REAL or ACCELERATED
# (with SELECTION_EPOCH_LENGTH, e.g. PT30S) for a wall-clock epoch.
: "${SELECTION_CLOCK_MODE:=MANUAL}"
# Token accounts (issue 15): rewards-service records its genesis from REWARDS_GENESIS_FILE into an empty ledger. Unless
# one is given, the simulator writes the genesis file of its network (SIMULATOR_ARGS, e.g. "nodes=100 seed=7", as
# demo.sh passes its arguments): each account funded with what it pledges or delegates plus a margin, the mixmining
# pool the configured reward pool, the treasury (n1treasury) the rest of 1,000,000,000 NYM.
if [ -z "${REWARDS_GENESIS_FILE:-}" ]; then
  REWARDS_GENESIS_FILE="$TOKENOMICS_STATE_DIR/genesis.json"
  # shellcheck disable=SC2086
  java -jar "$REPO_DIR/simulator/target/simulator-0.1.0-SNAPSHOT.jar" genesis ${SIMULATOR_ARGS:-} \
    ${REWARDS_GENESIS_REWARD_POOL:+pool=$REWARDS_GENESIS_REWARD_POOL} genesis="$REWARDS_GENESIS_FILE" >&2
fi

for svc in "${SERVICES[@]}"; do
  port="${SERVICE_PORTS[$svc]}"
  pidf="$RUN/$svc.pid"
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
    log "$svc already running (pid $(cat "$pidf"))"
    continue
  fi
  log "starting $svc on 127.0.0.1:$port (log: $LOGS/$svc.log)"
  # shellcheck disable=SC2086
  # 127.0.0.1 only: clients reach the services through the gateway (its limits and error pages), not around it.
  QUARKUS_HTTP_HOST=127.0.0.1 HTTP_PORT="$port" MONITOR_ALLOWED_SIGNERS="$MONITOR_ALLOWED_SIGNERS" SELECTION_CLOCK_MODE="$SELECTION_CLOCK_MODE" \
  PROBER_EVERY="${PROBER_EVERY:-60s}" NYM_NODES_ALLOW_PRIVATE_HOSTS="${NYM_NODES_ALLOW_PRIVATE_HOSTS:-true}" PG_HOST="$PG_HOST" PG_PORT="$PG_PORT" PG_USER="$PG_USER" PG_PASSWORD="$PG_PASSWORD" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" JWT_PUBLIC_KEY_LOCATION="file:$KEYS_DIR/jwt-public.pem" \
  REWARDS_GENESIS_FILE="$REWARDS_GENESIS_FILE" \
  setsid nohup java -Xmx512m ${SERVICE_JAVA_OPTS[$svc]:-} -jar "$REPO_DIR/$svc/target/quarkus-app/quarkus-run.jar" \
    >>"$LOGS/$svc.log" 2>&1 < /dev/null &
  echo $! > "$pidf"
done

for svc in "${SERVICES[@]}"; do
  port="${SERVICE_PORTS[$svc]}"
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$(cat "$RUN/$svc.pid")" 2>/dev/null || { log "$svc exited; last lines of $LOGS/$svc.log:"; tail -30 "$LOGS/$svc.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { log "$svc did not become ready"; exit 1; }
  log "$svc ready: http://127.0.0.1:$port (health /q/health, metrics /q/metrics, OpenAPI /q/openapi)"
done

"$LOCAL_DIR/start-gateway.sh"
log "system up: API gateway http://127.0.0.1:${GATEWAY_PORT:-8080} routes the /v1 paths to the four services"
