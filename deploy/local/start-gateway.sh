#!/usr/bin/env bash
# Starts the local API gateway (nginx from Debian, installed if missing) on 127.0.0.1:${GATEWAY_PORT:-8080}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
: "${GATEWAY_PORT:=8080}"
STATE="$TOKENOMICS_STATE_DIR/gateway"
mkdir -p "$STATE"
ensure_nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
# Per client, POST only: the simulator's whole network posts from one address, hence the generous local default.
: "${GATEWAY_POST_RATE:=200r/s}"
: "${GATEWAY_POST_BURST:=400}"
sed -e "s#@STATE@#$STATE#g" -e "s#@PORT@#$GATEWAY_PORT#g" \
    -e "s#@REWARDS_PORT@#${SERVICE_PORTS[rewards-service]}#g" -e "s#@PERFORMANCE_PORT@#${SERVICE_PORTS[performance-service]}#g" \
    -e "s#@SELECTION_PORT@#${SERVICE_PORTS[selection-service]}#g" -e "s#@TICKET_LEDGER_PORT@#${SERVICE_PORTS[ticket-ledger-service]}#g" \
    -e "s#@POST_RATE@#$GATEWAY_POST_RATE#g" -e "s#@POST_BURST@#$GATEWAY_POST_BURST#g" \
    "$LOCAL_DIR/gateway/nginx.conf.template" > "$STATE/nginx.conf"
"$NGINX" -t -q -c "$STATE/nginx.conf" -p "$STATE" 2>>"$STATE/error.log" || { log "nginx config invalid: $STATE/error.log"; exit 1; }
if [ -f "$STATE/nginx.pid" ] && kill -0 "$(cat "$STATE/nginx.pid")" 2>/dev/null; then
  "$NGINX" -c "$STATE/nginx.conf" -p "$STATE" -s reload
  log "gateway reloaded on http://127.0.0.1:$GATEWAY_PORT"
else
  "$NGINX" -c "$STATE/nginx.conf" -p "$STATE"
  log "gateway started on http://127.0.0.1:$GATEWAY_PORT"
fi
