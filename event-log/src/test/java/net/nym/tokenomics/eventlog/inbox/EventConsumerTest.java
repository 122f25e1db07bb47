package net.nym.tokenomics.eventlog.inbox;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The idempotent consumer against the real Kafka and PostgreSQL. */
class EventConsumerTest {

    private final EventCodec codec = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);

    private static void createEffectTable(DataSource ds) {
        Transactions.inTransaction(ds, c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE effect (account TEXT PRIMARY KEY, applied INT NOT NULL, total TEXT NOT NULL)");
            }
            return null;
        });
    }

    private void applyDeposit(Connection c, StoredEvent e) throws SQLException {
        Deposited d = codec.decode(e, Deposited.class);
        try (var ps = c.prepareStatement("""
                INSERT INTO effect (account, applied, total) VALUES (?, 1, ?)
                ON CONFLICT (account) DO UPDATE SET applied = effect.applied + 1, total = excluded.total""")) {
            ps.setString(1, d.account());
            ps.setString(2, d.amount().toString());
            ps.executeUpdate();
        }
    }

    private static Map<String, Integer> effects(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            var out = new java.util.TreeMap<String, Integer>();
            try (var rs = c.createStatement().executeQuery("SELECT account, applied FROM effect")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    private StoredEvent envelope(String account) {
        return new StoredEvent(1, 1, UUID.randomUUID(), account, 1, Deposited.TYPE, 1,
                Json.write(new Deposited(account, Decimal.parse("2.5"))), Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static void send(String topic, List<StoredEvent> events) throws Exception {
        Properties p = new Properties();
        p.putAll(LocalInfra.kafkaConfig());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            long seq = 0;
            for (StoredEvent e : events) {
                producer.send(KafkaEnvelope.toRecord(topic, 0, e, ++seq)).get();
            }
        }
    }

    @Test
    void theSameMessageDeliveredTwiceHasOneEffect() throws Exception {
        DataSource ds = LocalInfra.freshSchema("inbox");
        createEffectTable(ds);
        String topic = LocalInfra.freshTopic("inbox", 1);
        StoredEvent once = envelope("alice");
        StoredEvent other = envelope("bob");
        send(topic, List.of(once, once, other, once));
        String name = "consumer-" + UUID.randomUUID();
        try (EventConsumer consumer = new EventConsumer(ds, LocalInfra.kafkaConfig(), name, List.of(topic), this::applyDeposit)) {
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.appliedCount() + consumer.duplicateCount() == 4);
            assertThat(consumer.appliedCount()).isEqualTo(2);
            assertThat(consumer.duplicateCount()).isEqualTo(2);
        }
        assertThat(effects(ds)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("alice", 1, "bob", 1)));
        // The same consumer re-reading the topic from the start (offsets lost) still changes nothing.
        try (EventConsumer again = new EventConsumer(ds, Map.of("bootstrap.servers", LocalInfra.bootstrapServers(),
                "group.id", "reset-" + UUID.randomUUID()), name, List.of(topic), this::applyDeposit)) {
            StoredEvent third = envelope("carol");
            send(topic, List.of(third));
            again.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> effects(ds).containsKey("carol"));
        }
        assertThat(effects(ds)).containsEntry("alice", 1).containsEntry("bob", 1).containsEntry("carol", 1);
    }

    @Test
    void recordsOfTypesTheConsumerDoesNotHandleArePassedOverWithoutAnInboxEntry() throws Exception {
        DataSource ds = LocalInfra.freshSchema("inboxtypes");
        createEffectTable(ds);
        String topic = LocalInfra.freshTopic("inboxtypes", 1);
        StoredEvent alice = envelope("alice");
        StoredEvent bob = envelope("bob");
        send(topic, List.of(otherType("x"), alice, otherType("y"), otherType("z"), bob));
        String name = "typed-" + UUID.randomUUID();
        List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        EventConsumer.Handler recording = (c, e) -> {
            seen.add(e.eventType());
            applyDeposit(c, e);
        };
        try (EventConsumer consumer = new EventConsumer(ds, LocalInfra.kafkaConfig(), name, List.of(topic),
                java.util.Set.of(Deposited.TYPE), recording)) {
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.appliedCount() == 2);
            assertThat(consumer.passedOverCount()).isEqualTo(3);
            assertThat(consumer.duplicateCount()).isZero();
        }
        assertThat(seen).containsExactly(Deposited.TYPE, Deposited.TYPE);
        assertThat(effects(ds)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("alice", 1, "bob", 1)));
        List<UUID> inboxed = Transactions.inTransaction(ds, c -> {
            List<UUID> ids = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT event_id FROM inbox WHERE consumer = ? ORDER BY processed_at, event_id")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
        assertThat(inboxed).containsExactlyInAnyOrder(alice.eventId(), bob.eventId());
    }

    /** An event of a type the typed consumer above does not handle (its payload is not even a deposit). */
    private static StoredEvent otherType(String what) {
        return new StoredEvent(1, 1, UUID.randomUUID(), "other-" + what, 1, "test.SomethingElse", 1, "{\"what\":\"" + what + "\"}",
                Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aFailingHandlerAppliesNothingAndIsRetried() throws Exception {
        DataSource ds = LocalInfra.freshSchema("inboxfail");
        createEffectTable(ds);
        String topic = LocalInfra.freshTopic("inboxfail", 1);
        send(topic, List.of(envelope("dave")));
        AtomicInteger attempts = new AtomicInteger();
        EventConsumer.Handler flaky = (c, e) -> {
            applyDeposit(c, e);
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("simulated fault after a partial write");
            }
        };
        try (EventConsumer consumer = new EventConsumer(ds, LocalInfra.kafkaConfig(), "flaky-" + UUID.randomUUID(), List.of(topic), flaky)) {
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.appliedCount() == 1);
        }
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(effects(ds)).containsExactlyEntriesOf(Map.of("dave", 1));
    }
}
