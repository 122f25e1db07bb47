package net.nym.tokenomics.eventlog.messaging;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared consume path against the real Kafka and PostgreSQL: records are read from a real topic and delivered one
 * by one, in offset order, as the connector's {@code @Incoming} methods do.
 */
class InboxDeliveryTest {

    private static final InboxDelivery.Retry FAST = new InboxDelivery.Retry(3, Duration.ofMillis(1), Duration.ofMillis(2));

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
            var out = new TreeMap<String, Integer>();
            try (var rs = c.createStatement().executeQuery("SELECT account, applied FROM effect")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    private static List<UUID> inboxed(DataSource ds, String consumer) {
        return Transactions.inTransaction(ds, c -> {
            List<UUID> ids = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT event_id FROM inbox WHERE consumer = ?")) {
                ps.setString(1, consumer);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
    }

    private static StoredEvent deposit(String account) {
        return new StoredEvent(1, 1, UUID.randomUUID(), account, 1, Deposited.TYPE, 1,
                Json.write(new Deposited(account, Decimal.parse("2.5"))), Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** An event of a type the consumers below do not handle (its payload is not even a deposit). */
    private static StoredEvent otherType(String what) {
        return new StoredEvent(1, 1, UUID.randomUUID(), "other-" + what, 1, "test.SomethingElse", 1, "{\"what\":\"" + what + "\"}",
                Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<ConsumerRecord<String, byte[]>> sendAndRead(String prefix, List<StoredEvent> events) throws Exception {
        String topic = LocalInfra.freshTopic(prefix, 1);
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
        return LocalInfra.readAll(topic);
    }

    @Test
    void theSameMessageDeliveredTwiceHasOneEffect() throws Exception {
        DataSource ds = LocalInfra.freshSchema("dlvdup");
        createEffectTable(ds);
        StoredEvent once = deposit("alice");
        List<ConsumerRecord<String, byte[]>> records = sendAndRead("dlvdup", List.of(once, once, deposit("bob"), once));
        InboxDelivery delivery = new InboxDelivery(ds, "c-" + UUID.randomUUID(), Set.of(Deposited.TYPE), this::applyDeposit, FAST);

        List<Boolean> applied = records.stream().map(delivery::deliver).toList();
        // Offsets lost (a group reset): the whole topic again changes nothing, and a record after it is applied.
        records.forEach(delivery::deliver);
        StoredEvent carol = deposit("carol");
        delivery.deliver(sendAndRead("dlvdup", List.of(carol)).getFirst());

        assertThat(applied).containsExactly(true, false, true, false);
        assertThat(delivery.appliedCount()).isEqualTo(3);
        assertThat(delivery.duplicateCount()).isEqualTo(6);
        assertThat(effects(ds)).containsExactlyEntriesOf(new TreeMap<>(Map.of("alice", 1, "bob", 1, "carol", 1)));
    }

    @Test
    void recordsOfTypesTheConsumerDoesNotHandleArePassedOverWithoutADecodeOrAnInboxEntry() throws Exception {
        DataSource ds = LocalInfra.freshSchema("dlvtypes");
        createEffectTable(ds);
        StoredEvent alice = deposit("alice");
        StoredEvent bob = deposit("bob");
        List<ConsumerRecord<String, byte[]>> records =
                sendAndRead("dlvtypes", List.of(otherType("x"), alice, otherType("y"), otherType("z"), bob));
        String name = "typed-" + UUID.randomUUID();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        InboxDelivery delivery = new InboxDelivery(ds, name, Set.of(Deposited.TYPE), (c, e) -> {
            seen.add(e.eventType());
            applyDeposit(c, e);
        }, FAST);

        records.forEach(delivery::deliver);

        assertThat(delivery.passedOverCount()).isEqualTo(3);
        assertThat(delivery.appliedCount()).isEqualTo(2);
        assertThat(delivery.duplicateCount()).isZero();
        assertThat(seen).containsExactly(Deposited.TYPE, Deposited.TYPE);
        assertThat(effects(ds)).containsExactlyEntriesOf(new TreeMap<>(Map.of("alice", 1, "bob", 1)));
        assertThat(inboxed(ds, name)).containsExactlyInAnyOrder(alice.eventId(), bob.eventId());
    }

    @Test
    void aFailingHandlerAppliesNothingAndIsRetriedWithinTheBound() throws Exception {
        DataSource ds = LocalInfra.freshSchema("dlvflaky");
        createEffectTable(ds);
        List<ConsumerRecord<String, byte[]>> records = sendAndRead("dlvflaky", List.of(deposit("dave")));
        AtomicInteger attempts = new AtomicInteger();
        InboxDelivery delivery = new InboxDelivery(ds, "flaky-" + UUID.randomUUID(), Set.of(Deposited.TYPE), (c, e) -> {
            applyDeposit(c, e);
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("simulated fault after a partial write");
            }
        }, FAST);

        assertThat(delivery.deliver(records.getFirst())).isTrue();

        assertThat(attempts.get()).isEqualTo(3);
        assertThat(delivery.stuck()).isEmpty();
        assertThat(effects(ds)).containsExactlyEntriesOf(Map.of("dave", 1));
    }

    @Test
    void aRecordFailingEveryAttemptIsGivenUpOnNamingWhereItIsAndNothingOfItIsApplied() throws Exception {
        DataSource ds = LocalInfra.freshSchema("dlvpoison");
        createEffectTable(ds);
        StoredEvent poison = deposit("mallory");
        List<ConsumerRecord<String, byte[]>> records = sendAndRead("dlvpoison", List.of(deposit("erin"), poison, deposit("frank")));
        String name = "poison-" + UUID.randomUUID();
        List<InboxDelivery.Stuck> seenStuck = Collections.synchronizedList(new ArrayList<>());
        InboxDelivery[] self = new InboxDelivery[1];
        InboxDelivery delivery = new InboxDelivery(ds, name, Set.of(Deposited.TYPE), (c, e) -> {
            self[0].stuck().ifPresent(seenStuck::add);
            applyDeposit(c, e);
            if (e.eventId().equals(poison.eventId())) {
                throw new IllegalStateException("always fails");
            }
        }, FAST);
        self[0] = delivery;

        delivery.deliver(records.get(0));
        ConsumerRecord<String, byte[]> bad = records.get(1);
        assertThatThrownBy(() -> delivery.deliver(bad))
                .isInstanceOfSatisfying(UndeliverableRecordException.class, e -> {
                    assertThat(e.topic()).isEqualTo(bad.topic());
                    assertThat(e.partition()).isZero();
                    assertThat(e.offset()).isEqualTo(1);
                    assertThat(e.eventId()).isEqualTo(poison.eventId().toString());
                    assertThat(e.getMessage()).contains(name, bad.topic() + "-0@1", "always fails");
                });
        delivery.deliver(records.get(2));

        // While retried, the record was reported as stuck with its position; after giving up it no longer is.
        assertThat(seenStuck).extracting(InboxDelivery.Stuck::offset, InboxDelivery.Stuck::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1), org.assertj.core.groups.Tuple.tuple(1L, 2));
        assertThat(delivery.stuck()).isEmpty();
        assertThat(delivery.parkedCount()).isEqualTo(1);
        assertThat(effects(ds)).containsExactlyEntriesOf(new TreeMap<>(Map.of("erin", 1, "frank", 1)));
        assertThat(inboxed(ds, name)).doesNotContain(poison.eventId());
    }
}
