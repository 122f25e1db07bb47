#!/usr/bin/env bash
# Starts the local infrastructure the services and tests need: PostgreSQL 15 (Debian package) and a single-node
# Kafka 4.4 KRaft broker run from Maven-resolved jars. Installs what is missing, creates roles, databases and topics.
# Idempotent: running it again leaves a running setup as it is.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
mkdir -p "$TOKENOMICS_STATE_DIR" "$KAFKA_DIR"

# ---------------------------------------------------------------- PostgreSQL
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
  log "PostgreSQL $PG_VERSION not installed: installing the Debian package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
fi
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION $PG_CLUSTER"; then
  log "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" -p "$PG_PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
  log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
  # Room for four services' pools plus tests running in parallel.
  conf="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d/tokenomics.conf"
  mkdir -p "$(dirname "$conf")"
  printf "max_connections = 300\nshared_buffers = 512MB\n" > "$conf"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  touch "$PG_STARTED_MARK"
fi
for _ in $(seq 1 60); do
  as_postgres pg_isready -q -p "$PG_PORT" && break
  sleep 0.5
done
as_postgres pg_isready -q -p "$PG_PORT" || { log "PostgreSQL did not become ready"; exit 1; }

if ! psql_admin -tAc "select 1 from pg_roles where rolname='$PG_USER'" | grep -q 1; then
  log "creating role $PG_USER"
  psql_admin -c "create role $PG_USER login password '$PG_PASSWORD' createdb"
fi
for db in "${DATABASES[@]}"; do
  if ! psql_admin -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    log "creating database $db"
    psql_admin -c "create database $db owner $PG_USER"
  fi
done
log "PostgreSQL ready on $PG_HOST:$PG_PORT (databases: ${DATABASES[*]})"

# ---------------------------------------------------------------- Kafka
if [ ! -f "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" ]; then
  log "resolving Kafka $KAFKA_VERSION jars with Maven"
  rm -rf "$KAFKA_LIB"
  mvn -B -ntp -f "$LOCAL_DIR/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_LIB" -DincludeScope=runtime -Dkafka.version="$KAFKA_VERSION" >"$KAFKA_DIR/resolve.log" 2>&1 \
    || { log "Kafka jar resolution failed, see $KAFKA_DIR/resolve.log"; exit 1; }
fi

if kafka_running; then
  log "Kafka already running (pid $(cat "$KAFKA_PID"))"
else
  mkdir -p "$KAFKA_DATA"
  cat > "$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=$TOPIC_PARTITIONS
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.ms=-1
log.retention.bytes=-1
# Per-epoch result events (selection proofs, stake snapshots) grow with the network: allow records up to 32 MiB.
message.max.bytes=33554432
replica.fetch.max.bytes=33554432
PROPS
  cat > "$KAFKA_DIR/log4j2.properties" <<PROPS
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.kafka.name=kafka
logger.kafka.level=INFO
logger.server.name=kafka.server.KafkaRaftServer
logger.server.level=INFO
PROPS
  KCP="$KAFKA_LIB/*"
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    log "formatting Kafka KRaft storage in $KAFKA_DATA"
    java -cp "$KCP" -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" kafka.tools.StorageTool format \
      -t "$(java -cp "$KCP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
      -c "$KAFKA_DIR/server.properties" --standalone >>"$KAFKA_LOG" 2>&1 \
      || { log "Kafka storage format failed, see $KAFKA_LOG"; exit 1; }
  fi
  log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT"
  # setsid: the broker must outlive this script and whatever shell ran it.
  setsid nohup java $KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
    -cp "$KCP" kafka.Kafka "$KAFKA_DIR/server.properties" >>"$KAFKA_LOG" 2>&1 < /dev/null &
  echo $! > "$KAFKA_PID"
fi

for _ in $(seq 1 120); do
  port_open 127.0.0.1 "$KAFKA_PORT" && break
  kafka_running || { log "Kafka exited during start-up; last lines of $KAFKA_LOG:"; tail -20 "$KAFKA_LOG" >&2; exit 1; }
  sleep 0.5
done
port_open 127.0.0.1 "$KAFKA_PORT" || { log "Kafka did not open port $KAFKA_PORT"; exit 1; }

# Topics: created (or checked) with the broker's own client jar; infinite retention is the point.
java -cp "$KAFKA_LIB/*" "$LOCAL_DIR/CreateTopics.java" "127.0.0.1:$KAFKA_PORT" "$TOPIC_PARTITIONS" "${TOPICS[@]}" "${DLQ_TOPICS[@]}" \
  || { log "creating topics failed"; exit 1; }
log "Kafka ready on 127.0.0.1:$KAFKA_PORT (topics: ${TOPICS[*]} ${DLQ_TOPICS[*]})"
