#!/usr/bin/env bash
# Stops the local API gateway started by start-gateway.sh. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
STATE="$TOKENOMICS_STATE_DIR/gateway"
if [ -f "$STATE/nginx.pid" ] && kill -0 "$(cat "$STATE/nginx.pid")" 2>/dev/null; then
  kill "$(cat "$STATE/nginx.pid")"
  log "gateway stopped"
fi
rm -f "$STATE/nginx.pid"
