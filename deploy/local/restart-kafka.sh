#!/usr/bin/env bash
# Restarts the local Kafka broker (keeping its log): what a broker failure and recovery look like to the services.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
stop_kafka
"$LOCAL_DIR/start-infra.sh"
