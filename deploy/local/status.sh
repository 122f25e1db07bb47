#!/usr/bin/env bash
# Reports whether the local PostgreSQL and Kafka are up.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
ok=0
if as_postgres pg_isready -q -p "$PG_PORT" 2>/dev/null; then echo "postgresql: ready on $PG_HOST:$PG_PORT"; else echo "postgresql: down"; ok=1; fi
if kafka_running && port_open 127.0.0.1 "$KAFKA_PORT"; then echo "kafka: ready on 127.0.0.1:$KAFKA_PORT (pid $(cat "$KAFKA_PID"))"; else echo "kafka: down"; ok=1; fi
exit $ok
