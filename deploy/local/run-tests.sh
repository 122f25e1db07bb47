#!/usr/bin/env bash
# Runs every test of every module against the real local PostgreSQL and Kafka (started here if they are not running).
# This is the README's test command; .ci/run calls it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$LOCAL_DIR/start-infra.sh"
# the simulator's hostile-input suite runs the local gateway's nginx configuration in front of the packaged services
ensure_nginx
cd "$REPO_DIR"
# The tests and the services they start find the broker here.
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" PG_HOST PG_PORT PG_USER PG_PASSWORD KAFKA_PORT
# verify (not test): the services use event-log's test-jar, which the reactor only has once it is packaged.
exec mvn -B -ntp verify "$@"
