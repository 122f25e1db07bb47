package net.nym.tokenomics.eventlog.replay;

import net.nym.tokenomics.eventlog.cli.CommandOptions;
import net.nym.tokenomics.eventlog.store.EventLogSchema;

import org.postgresql.ds.PGSimpleDataSource;

import java.util.Map;
import java.util.Set;

/**
 * Command line: rebuilds a service's event log from its Kafka topic into an empty database (created beforehand), then
 * the service is started on it and rebuilds its state and read models from the log. Prints how many events and inbox
 * entries it restored, the rate, and the time per stage (Kafka fetch, merge, decode, insert).
 *
 * <pre>
 * java -cp event-log.jar:... net.nym.tokenomics.eventlog.replay.RebuildFromKafka \
 *     --jdbc-url jdbc:postgresql://127.0.0.1:5432/rewards --user tokenomics --password tokenomics \
 *     --bootstrap 127.0.0.1:9092 --topic nym.rewards.events --relay-name rewards-service
 * </pre>
 */
public final class RebuildFromKafka {

    public static void main(String[] args) {
        CommandOptions o;
        Map<String, Object> kafka;
        try {
            o = CommandOptions.parse(args, Set.of());
            for (String required : new String[] {"jdbc-url", "topic", "relay-name"}) {
                if (!o.has(required)) {
                    throw new IllegalArgumentException("missing --" + required);
                }
            }
            kafka = o.kafkaConfig();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: RebuildFromKafka --jdbc-url URL [--user U] [--password P | --password-env VAR] "
                    + "[--schema public] [--bootstrap HOST:PORT] [--kafka-config client.properties] --topic TOPIC --relay-name NAME");
            System.exit(2);
            return;
        }
        Map<String, String> a = o.values();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(a.get("jdbc-url"));
        ds.setUser(a.getOrDefault("user", "tokenomics"));
        // The password is better passed in the environment than on the command line (visible in ps).
        String passwordEnv = a.get("password-env");
        ds.setPassword(passwordEnv != null ? System.getenv(passwordEnv) : a.getOrDefault("password", "tokenomics"));
        String schema = a.getOrDefault("schema", "public");
        // The import writes unqualified table names: they must resolve in the schema just migrated, not in the
        // connection's default search path.
        ds.setCurrentSchema(schema);
        EventLogSchema.migrate(ds, schema);
        KafkaLogImporter.Result r = new KafkaLogImporter().importTopic(ds, kafka, a.get("topic"), a.get("relay-name"));
        System.out.printf("rebuilt %d events (%d inbox entries) from %s in %d ms (%.0f events/s)%n", r.events(), r.inboxEntries(),
                a.get("topic"), r.took().toMillis(), r.events() * 1000.0 / Math.max(1, r.took().toMillis()));
        System.out.println("stages: " + r.stages());
    }

    private RebuildFromKafka() {
    }
}
