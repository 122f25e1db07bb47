#!/usr/bin/env bash
# Rebuilds one service's database from its Kafka topic alone, then starts it again (DESIGN §4):
#   deploy/local/rebuild-service.sh rewards-service        (or performance-, selection-, ticket-ledger-service)
# 1. stops the service (by its PID file, as started by start-system.sh),
# 2. drops and re-creates its database,
# 3. imports its topic with event-log's RebuildFromKafka (events in log order, inbox and relay checkpoint restored),
# 4. deletes the committed offsets of its consumer groups (<service>*), so its consumers read their input topics from
#    the beginning: the rebuilt inbox makes inputs already applied no-ops, and inputs whose effects were committed but
#    not yet published when the database was lost are applied again,
# 5. starts it again (start-system.sh; the other services are left as they are). At start-up the service folds the
#    rebuilt log and verifies the digest of every per-epoch result it published.
# Then `java -jar audit/target/audit-0.1.0-SNAPSHOT.jar` checks every epoch from the topics.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
svc="${1:-}"
[ -n "${SERVICE_PORTS[$svc]:-}" ] || { echo "usage: $0 {${SERVICES[*]}}" | tr ' ' '|' >&2; exit 2; }
db="${svc%-service}"; db="${db//-/_}"
topic="nym.${svc%-service}.events"
RUN="$TOKENOMICS_STATE_DIR/run"

cp_file="$REPO_DIR/event-log/target/classpath.txt"
if [ ! -f "$cp_file" ] || [ ! -f "$REPO_DIR/event-log/target/event-log-0.1.0-SNAPSHOT.jar" ]; then
  log "building event-log and its classpath"
  (cd "$REPO_DIR" && mvn -B -ntp -q -pl event-log package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt) || { log "build failed"; exit 1; }
fi
CP="$REPO_DIR/event-log/target/event-log-0.1.0-SNAPSHOT.jar:$(cat "$cp_file")"

pidf="$RUN/$svc.pid"
if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
  pid=$(cat "$pidf")
  log "stopping $svc (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
fi
rm -f "$pidf"

log "dropping and re-creating database $db"
psql_admin -c "drop database if exists $db with (force)"
psql_admin -c "create database $db owner $PG_USER"

log "importing $topic into $db"
PG_PASSWORD="$PG_PASSWORD" java -cp "$CP" net.nym.tokenomics.eventlog.replay.RebuildFromKafka \
  --jdbc-url "jdbc:postgresql://$PG_HOST:$PG_PORT/$db" --user "$PG_USER" --password-env PG_PASSWORD \
  --bootstrap "127.0.0.1:$KAFKA_PORT" --topic "$topic" --relay-name "$svc"

log "resetting the offsets of $svc's consumer groups"
java -cp "$CP" net.nym.tokenomics.eventlog.inbox.ConsumerGroupReset --bootstrap "127.0.0.1:$KAFKA_PORT" --group-prefix "$svc" \
  --topic-prefix nym.

"$LOCAL_DIR/start-system.sh"
log "$svc rebuilt from $topic and running; check every epoch with: java -jar audit/target/audit-0.1.0-SNAPSHOT.jar"
