#!/usr/bin/env bash
# Starts the local API gateway (nginx from Debian, installed if missing) on 127.0.0.1:${GATEWAY_PORT:-8080}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
: "${GATEWAY_PORT:=8080}"
STATE="$TOKENOMICS_STATE_DIR/gateway"
mkdir -p "$STATE"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  log "nginx not installed: installing the Debian package nginx-light"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null
  # Debian starts a system nginx on port 80; we run our own instance only.
  (systemctl stop nginx 2>/dev/null || service nginx stop 2>/dev/null || true) >/dev/null 2>&1
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
sed -e "s#@STATE@#$STATE#g" -e "s#@PORT@#$GATEWAY_PORT#g" "$LOCAL_DIR/gateway/nginx.conf.template" > "$STATE/nginx.conf"
"$NGINX" -t -q -c "$STATE/nginx.conf" -p "$STATE" 2>>"$STATE/error.log" || { log "nginx config invalid: $STATE/error.log"; exit 1; }
if [ -f "$STATE/nginx.pid" ] && kill -0 "$(cat "$STATE/nginx.pid")" 2>/dev/null; then
  "$NGINX" -c "$STATE/nginx.conf" -p "$STATE" -s reload
  log "gateway reloaded on http://127.0.0.1:$GATEWAY_PORT"
else
  "$NGINX" -c "$STATE/nginx.conf" -p "$STATE"
  log "gateway started on http://127.0.0.1:$GATEWAY_PORT"
fi
