#!/usr/bin/env bash
# Stops the Kafka broker started by start-infra.sh (by its PID) and PostgreSQL if start-infra.sh started it.
# Idempotent. --all also stops a PostgreSQL cluster that was already running before.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if kafka_running; then
  pid=$(cat "$KAFKA_PID")
  log "stopping Kafka (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
fi
rm -f "$KAFKA_PID"
if [ -f "$PG_STARTED_MARK" ] || [ "${1:-}" = "--all" ]; then
  if pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
    log "stopping PostgreSQL $PG_VERSION/$PG_CLUSTER"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop || true
  fi
  rm -f "$PG_STARTED_MARK"
fi
log "stopped"
