#!/usr/bin/env bash
# Stops the Kafka broker started by start-infra.sh (by its PID) and PostgreSQL if start-infra.sh started it.
# Idempotent. --all also stops a PostgreSQL cluster that was already running before.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
stop_kafka
if [ -f "$PG_STARTED_MARK" ] || [ "${1:-}" = "--all" ]; then
  if pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
    log "stopping PostgreSQL $PG_VERSION/$PG_CLUSTER"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop || true
  fi
  rm -f "$PG_STARTED_MARK"
fi
log "stopped"
