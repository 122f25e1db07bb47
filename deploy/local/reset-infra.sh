#!/usr/bin/env bash
# Wipes all local state: stops Kafka and deletes its log, drops the service databases (PostgreSQL keeps running if it
# is). Run start-infra.sh afterwards for a fresh setup.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
stop_kafka
rm -rf "$KAFKA_DATA"
if as_postgres pg_isready -q -p "$PG_PORT" 2>/dev/null; then
  for db in "${DATABASES[@]}"; do
    log "dropping database $db"
    psql_admin -c "drop database if exists $db with (force)"
  done
fi
log "reset done"
