# Shared settings for the local infrastructure scripts. Sourced, not run.
# Every value can be overridden from the environment.
LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$LOCAL_DIR/../.." && pwd)"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

: "${TOKENOMICS_STATE_DIR:=$REPO_DIR/.local-state}"
: "${PG_VERSION:=15}"
: "${PG_CLUSTER:=main}"
: "${PG_HOST:=127.0.0.1}"
: "${PG_PORT:=5432}"
: "${PG_USER:=tokenomics}"
: "${PG_PASSWORD:=tokenomics}"
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${KAFKA_VERSION:=4.4.0}"
: "${KAFKA_HEAP:=-Xms256m -Xmx768m}"

# One database per service, one per service for its tests, and one for the event-log module's own tests.
DATABASES=(rewards performance selection ticket_ledger eventlog_test rewards_test performance_test selection_test ticket_ledger_test)
# One topic per service: each service's whole event log, kept forever.
TOPICS=(nym.rewards.events nym.performance.events nym.selection.events nym.ticket-ledger.events)
# Each service's dead-letter topic: input records its consumers parked (ADR 0010).
DLQ_TOPICS=(nym.rewards.events.dlq nym.performance.events.dlq nym.selection.events.dlq nym.ticket-ledger.events.dlq)
TOPIC_PARTITIONS=${TOPIC_PARTITIONS:-3}

KAFKA_DIR="$TOKENOMICS_STATE_DIR/kafka"
KAFKA_LIB="$KAFKA_DIR/lib"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_PID="$KAFKA_DIR/kafka.pid"
KAFKA_LOG="$KAFKA_DIR/kafka.log"
PG_STARTED_MARK="$TOKENOMICS_STATE_DIR/postgres.started-by-us"

log() { printf '[local-infra] %s\n' "$*" >&2; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -q -p "$PG_PORT" "$@"; }

kafka_running() {
  [ -f "$KAFKA_PID" ] && kill -0 "$(cat "$KAFKA_PID")" 2>/dev/null
}

stop_kafka() {
  if kafka_running; then
    local pid
    pid=$(cat "$KAFKA_PID")
    log "stopping Kafka (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$KAFKA_PID"
}

# nginx for the local API gateway (and the hostile-input suite, which runs the same configuration): Debian's
# nginx-light, installed when missing; Debian starts a system nginx on port 80, which is stopped (we run our own).
ensure_nginx() {
  if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    log "nginx not installed: installing the Debian package nginx-light"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null
    (systemctl stop nginx 2>/dev/null || service nginx stop 2>/dev/null || true) >/dev/null 2>&1
  fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# The services, their local HTTP ports, and optional JVM options (e.g. -Dselection.clock.mode=...).
SERVICES=(rewards-service performance-service selection-service ticket-ledger-service)
declare -A SERVICE_PORTS=([rewards-service]=8081 [performance-service]=8082 [selection-service]=8083 [ticket-ledger-service]=8084)
declare -A SERVICE_JAVA_OPTS=()
KEYS_DIR="$TOKENOMICS_STATE_DIR/keys"
