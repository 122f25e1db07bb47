#!/usr/bin/env bash
# The main job in one command: starts PostgreSQL, Kafka, the four services and the API gateway (start-system.sh), then
# runs the simulator against the gateway: a synthetic network is bonded, monitored, redeems tickets and delegates, and
# epochs are selected and rewarded one after another, with a progress line per epoch and a CSV in .local-state/.
# Arguments go to the simulator (e.g. nodes=100 epochs=30 seed=7). Stop everything with stop-system.sh.
# A demo starts from genesis: the local databases and Kafka's log are reset first (KEEP_STATE=1 keeps them), and
# rewards-service starts from the genesis file the simulator writes for the same arguments (.local-state/genesis.json:
# the network's accounts funded, the rest in the treasury).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if [ "${KEEP_STATE:-0}" != 1 ]; then
  "$LOCAL_DIR/stop-system.sh" >/dev/null 2>&1 || true
  "$LOCAL_DIR/start-infra.sh" >/dev/null
  "$LOCAL_DIR/reset-infra.sh"
fi
SIMULATOR_ARGS="$*" "$LOCAL_DIR/start-system.sh"
cd "$REPO_DIR"
exec java -jar simulator/target/simulator-0.1.0-SNAPSHOT.jar run gateway="http://127.0.0.1:${GATEWAY_PORT:-8080}" \
  keys="$KEYS_DIR" csv="$TOKENOMICS_STATE_DIR/simulation.csv" genesis="${REWARDS_GENESIS_FILE:-$TOKENOMICS_STATE_DIR/genesis.json}" "$@"
