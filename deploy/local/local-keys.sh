#!/usr/bin/env bash
# Generates the local keys on first start (never committed; they live in .local-state/keys):
# the JWT signing key pair that stands in for the API gateway's, used by the services to verify account tokens.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
mkdir -p "$KEYS_DIR"
chmod 700 "$KEYS_DIR"
if [ ! -f "$KEYS_DIR/jwt-private.pem" ]; then
  log "generating the local JWT signing key pair in $KEYS_DIR"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS_DIR/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$KEYS_DIR/jwt-private.pem" -pubout -out "$KEYS_DIR/jwt-public.pem"
  chmod 600 "$KEYS_DIR/jwt-private.pem"
fi
