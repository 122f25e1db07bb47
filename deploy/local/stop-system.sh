#!/usr/bin/env bash
# Stops the gateway and the services started by start-system.sh (by PID), then the infrastructure (stop-infra.sh).
# Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
RUN="$TOKENOMICS_STATE_DIR/run"
"$LOCAL_DIR/stop-gateway.sh"
for svc in "${SERVICES[@]}"; do
  pidf="$RUN/$svc.pid"
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
    pid=$(cat "$pidf")
    log "stopping $svc (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidf"
done
"$LOCAL_DIR/stop-infra.sh" "$@"
