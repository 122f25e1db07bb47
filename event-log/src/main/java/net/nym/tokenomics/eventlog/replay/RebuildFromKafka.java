package net.nym.tokenomics.eventlog.replay;

import net.nym.tokenomics.eventlog.store.EventLogSchema;

import org.postgresql.ds.PGSimpleDataSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Command line: rebuilds a service's event log from its Kafka topic into an empty database (created beforehand), then
 * the service is started on it and rebuilds its state and read models from the log.
 *
 * <pre>
 * java -cp event-log.jar:... net.nym.tokenomics.eventlog.replay.RebuildFromKafka \
 *     --jdbc-url jdbc:postgresql://127.0.0.1:5432/rewards --user tokenomics --password tokenomics \
 *     --bootstrap 127.0.0.1:9092 --topic nym.rewards.events --relay-name rewards-service
 * </pre>
 */
public final class RebuildFromKafka {

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : new String[] {"jdbc-url", "topic", "relay-name"}) {
            if (!a.containsKey(required)) {
                System.err.println("missing --" + required);
                System.err.println("usage: RebuildFromKafka --jdbc-url URL [--user U] [--password P | --password-env VAR] "
                        + "[--schema public] [--bootstrap HOST:PORT] [--kafka-config client.properties] --topic TOPIC --relay-name NAME");
                System.exit(2);
            }
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(a.get("jdbc-url"));
        ds.setUser(a.getOrDefault("user", "tokenomics"));
        // The password is better passed in the environment than on the command line (visible in ps).
        String passwordEnv = a.get("password-env");
        ds.setPassword(passwordEnv != null ? System.getenv(passwordEnv) : a.getOrDefault("password", "tokenomics"));
        Map<String, Object> kafka = new HashMap<>();
        if (a.containsKey("kafka-config")) {
            Properties p = new Properties();
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(a.get("kafka-config")))) {
                p.load(in);
            } catch (java.io.IOException e) {
                System.err.println("cannot read --kafka-config " + a.get("kafka-config") + ": " + e.getMessage());
                System.exit(2);
            }
            p.forEach((k, v) -> kafka.put((String) k, v));
        }
        kafka.put("bootstrap.servers", a.getOrDefault("bootstrap", "127.0.0.1:9092"));
        String schema = a.getOrDefault("schema", "public");
        EventLogSchema.migrate(ds, schema);
        KafkaLogImporter.Result r = new KafkaLogImporter().importTopic(ds, kafka, a.get("topic"), a.get("relay-name"));
        System.out.printf("rebuilt %d events (%d inbox entries) from %s in %d ms (%.0f events/s)%n", r.events(), r.inboxEntries(),
                a.get("topic"), r.took().toMillis(), r.events() * 1000.0 / Math.max(1, r.took().toMillis()));
    }

    private RebuildFromKafka() {
    }
}
