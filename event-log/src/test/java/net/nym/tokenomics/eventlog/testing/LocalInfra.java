package net.nym.tokenomics.eventlog.testing;

import net.nym.tokenomics.eventlog.store.EventLogSchema;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The real PostgreSQL and Kafka started by {@code deploy/local/start-infra.sh}, for integration tests. Every test
 * gets its own schema and its own topics, so tests rely on no other test's rows or order.
 */
public final class LocalInfra {

    private LocalInfra() {
    }

    public static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/" + database;
    }

    public static String bootstrapServers() {
        return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env("KAFKA_PORT", "9092"));
    }

    /**
     * A data source on a new, empty schema of the event-log test database, with the event-log tables migrated, then
     * the given Flyway locations (e.g. a service's {@code classpath:db/migration} for its read models).
     */
    public static DataSource freshSchema(String prefix, String... extraLocations) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
        // Flyway gets its own unpooled connections: a pooled connection it left inside a transaction would hold back
        // pg_snapshot_xmin, and with it every log reader.
        org.postgresql.ds.PGSimpleDataSource direct = new org.postgresql.ds.PGSimpleDataSource();
        direct.setUrl(jdbcUrl("eventlog_test"));
        direct.setUser(env("PG_USER", "tokenomics"));
        direct.setPassword(env("PG_PASSWORD", "tokenomics"));
        EventLogSchema.migrate(direct, schema, extraLocations);
        return dataSource("eventlog_test", schema);
    }

    /** A small connection pool (Agroal, as the services use) on the given database and schema. */
    public static DataSource dataSource(String database, String schema) {
        String url = jdbcUrl(database) + (schema == null ? "" : "?currentSchema=" + schema);
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .minSize(0)
                            .maxSize(20)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(cf -> cf
                                    .connectionProviderClass(org.postgresql.Driver.class)
                                    .jdbcUrl(url)
                                    .principal(new NamePrincipal(env("PG_USER", "tokenomics")))
                                    .credential(new SimplePassword(env("PG_PASSWORD", "tokenomics"))))));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a pool for " + url, e);
        }
    }

    public static Map<String, Object> kafkaConfig() {
        Map<String, Object> m = new HashMap<>();
        m.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return m;
    }

    public static String freshTopic(String prefix, int partitions) {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Properties p = new Properties();
        p.putAll(kafkaConfig());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic + " (is Kafka running? deploy/local/start-infra.sh)", e);
        }
        return topic;
    }

    /** Every record currently in the topic, partition by partition, in offset order. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.putAll(kafkaConfig());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (PartitionInfo pi : c.partitionsFor(topic)) {
                tps.add(new TopicPartition(topic, pi.partition()));
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = c.endOffsets(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + topic);
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
