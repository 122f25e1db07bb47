package net.nym.tokenomics.eventlog.replay;

import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Rebuild from Kafka against the real PostgreSQL and Kafka: the rebuilt rows, inbox and checkpoint, and the refusals. */
class KafkaLogImporterTest {

    private final EventStore store = new EventStore();

    /** Payloads with what JSON and COPY could get wrong: escapes, quotes, backslashes, non-ASCII, exact numbers. */
    private static String payload(Random random, int i) {
        String[] notes = {"plain", "tab\\there", "quote \\\" and backslash \\\\", "newline\\nCR\\r", "é ü 中文 😀",
                "\\u0001 control", "comma, semicolon; {braces}"};
        return "{\"i\":" + i + ",\"amount\":\"" + random.nextInt(1_000_000) + "." + String.format("%018d", random.nextLong(1_000_000_000_000_000_000L))
                + "\",\"scaled\":1." + "0".repeat(i % 5) + "5,\"big\":123456789012345678901234567890,\"note\":\""
                + notes[i % notes.length] + "\",\"nested\":{\"list\":[1,true,null,{\"z\":\"\"}]}}";
    }

    /**
     * A live log shaped like a service's: transactions of several events over several streams; most events caused by
     * an input (some inputs causing several events, on two consumers), some not; metadata with awkward values.
     */
    private void appendHistory(DataSource ds, int transactions, long seed) {
        Random random = new Random(seed);
        for (int t = 0; t < transactions; t++) {
            int eventsInTx = 1 + random.nextInt(6);
            UUID input = UUID.randomUUID();
            String consumer = random.nextBoolean() ? "rewards-input" : "performance-input";
            boolean caused = random.nextInt(5) != 0;
            int tx = t;
            Transactions.inTransaction(ds, c -> {
                for (int k = 0; k < eventsInTx; k++) {
                    String stream = "stream-" + random.nextInt(23);
                    Map<String, String> meta = new HashMap<>();
                    meta.put("correlation_id", "corr \"" + tx + "\" \\ é\t" + k);
                    NewEvent e = new NewEvent(UUID.randomUUID(), "Type" + (k % 3), 1 + k % 2, payload(random, tx * 10 + k), meta);
                    if (caused) {
                        e = e.causedBy(consumer, input);
                    }
                    store.append(c, stream, store.streamVersion(c, stream), List.of(e));
                }
                return null;
            });
        }
    }

    /**
     * Publishes the whole log. The relay reads only below the oldest running transaction of the whole PostgreSQL server,
     * which another process's open transaction can hold back for a while: keep publishing until everything is out.
     */
    private static void publishAll(DataSource ds, String topic, String relayName, long events) throws Exception {
        try (OutboxRelay relay = new OutboxRelay(ds, LocalInfra.kafkaConfig(), new OutboxRelay.Config(relayName, topic, 50, Duration.ofMillis(10)))) {
            long[] published = {0};
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                published[0] += relay.publishOnce();
                return published[0] == events;
            });
        }
    }

    private record Row(long globalPosition, String transactionId, UUID eventId, String streamId, long streamVersion,
                       String eventType, int schemaVersion, String payload, String metadata, Instant recordedAt) { }

    private static List<Row> rows(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT global_position, transaction_id::text, event_id, stream_id, stream_version, event_type, schema_version,
                           payload::text, metadata::text, recorded_at
                      FROM event_log ORDER BY transaction_id, global_position""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                            rs.getObject(10, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        });
    }

    private static Set<String> inbox(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT consumer, event_id FROM inbox ORDER BY 1, 2");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "/" + rs.getObject(2, UUID.class));
                }
            }
            return out;
        });
    }

    private static long count(DataSource ds, String table) {
        return Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** (transaction id, position, publication seq) of a relay's checkpoint. */
    private static List<Object> checkpoint(Connection c, String relayName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT transaction_id::text, global_position, publication_seq FROM outbox_checkpoint WHERE relay_name = ?")) {
            ps.setString(1, relayName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1), rs.getLong(2), rs.getLong(3)) : List.of();
            }
        }
    }

    @Test
    void theRebuiltLogEqualsTheSourceColumnByColumnWithItsInboxAndCheckpoint() throws Exception {
        DataSource live = LocalInfra.freshSchema("import_live");
        String topic = LocalInfra.freshTopic("import", 3);
        appendHistory(live, 250, 11);
        List<Row> source = rows(live);
        publishAll(live, topic, "svc", source.size());
        assertThat(source).hasSizeGreaterThan(600);

        DataSource empty = LocalInfra.freshSchema("import_rebuilt");
        // Small transactions and decode chunks, so the import crosses many of both boundaries (and not at the same places).
        KafkaLogImporter.Result result = new KafkaLogImporter(97, 13).importTopic(empty, LocalInfra.kafkaConfig(), topic, "svc");

        List<Row> rebuilt = rows(empty);
        assertThat(result.events()).isEqualTo(source.size());
        assertThat(rebuilt).hasSameSizeAs(source);
        for (int i = 0; i < source.size(); i++) {
            Row s = source.get(i);
            Row r = rebuilt.get(i);
            assertThat(r.eventId()).as("event id at %d", i).isEqualTo(s.eventId());
            assertThat(r.streamId()).as("stream at %d", i).isEqualTo(s.streamId());
            assertThat(r.streamVersion()).as("stream version at %d", i).isEqualTo(s.streamVersion());
            assertThat(r.eventType()).as("type at %d", i).isEqualTo(s.eventType());
            assertThat(r.schemaVersion()).as("schema version at %d", i).isEqualTo(s.schemaVersion());
            assertThat(r.payload()).as("payload at %d", i).isEqualTo(s.payload());
            assertThat(r.metadata()).as("metadata at %d", i).isEqualTo(s.metadata());
            assertThat(r.recordedAt()).as("recorded at %d", i).isEqualTo(s.recordedAt());
        }
        // Fresh positions in log order: consecutive from 1, in (transaction id, position) order, over several transactions.
        assertThat(rebuilt).extracting(Row::globalPosition)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, source.size()).boxed().toList());
        assertThat(rebuilt.stream().map(Row::transactionId).distinct().count()).isGreaterThan(5);

        // The inbox holds every (consumer, input) pair named by causation metadata, once.
        List<String> causedPairs = Transactions.inTransaction(live, c -> {
            List<String> pairs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT metadata ->> '" + NewEvent.CAUSATION_CONSUMER + "', metadata ->> '"
                    + NewEvent.CAUSATION_ID + "' FROM event_log WHERE metadata ->> '" + NewEvent.CAUSATION_ID + "' IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pairs.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
            return pairs;
        });
        Set<String> expectedInbox = new java.util.TreeSet<>(causedPairs);
        assertThat(expectedInbox).hasSizeGreaterThan(100).hasSizeLessThan(source.size());
        assertThat(inbox(empty)).containsExactlyInAnyOrderElementsOf(expectedInbox);
        assertThat(result.inboxEntries()).isEqualTo(expectedInbox.size());

        // The relay checkpoint: the source's publication sequence, at the rebuilt log's last position.
        List<Object> sourceCheckpoint = Transactions.inTransaction(live, c -> checkpoint(c, "svc"));
        List<Object> rebuiltCheckpoint = Transactions.inTransaction(empty, c -> checkpoint(c, "svc"));
        Row last = rebuilt.getLast();
        assertThat(rebuiltCheckpoint).containsExactly(last.transactionId(), last.globalPosition(), sourceCheckpoint.get(2));
        assertThat(sourceCheckpoint.get(2)).isEqualTo((long) source.size());
    }

    @Test
    void aMalformedRecordIsAClearErrorNamingItAndLeavesTheLogEmpty() {
        String topic = LocalInfra.freshTopic("import_bad", 1);
        StoredEvent good = new StoredEvent(1, 1, UUID.randomUUID(), "s", 1, "T", 1, "{\"a\":1}", Map.of(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        byte[] missingPayload = new String(KafkaEnvelope.toRecord(topic, 0, good, 2).value(), StandardCharsets.UTF_8)
                .replace("\"payload\":\"{\\\"a\\\":1}\",", "").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(missingPayload, StandardCharsets.UTF_8)).doesNotContain("payload");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaEnvelope.toRecord(topic, 0, good, 1));
            producer.send(raw(topic, 2, missingPayload));
            producer.flush();
        }
        DataSource empty = LocalInfra.freshSchema("import_bad");
        assertThatThrownBy(() -> new KafkaLogImporter().importTopic(empty, LocalInfra.kafkaConfig(), topic, "svc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record " + topic + "-0@1 is not an event envelope")
                .hasMessageContaining("'payload' is missing");
        // Nothing half-imported: the log is still empty, so the rebuild can be run again once the topic is mended.
        assertThat(count(empty, "event_log")).isZero();
        assertThat(count(empty, "inbox")).isZero();
        assertThat(count(empty, "outbox_checkpoint")).isZero();
    }

    @Test
    void aRecordThatIsNotJsonOrHasNoLogSeqIsNamed() {
        String topic = LocalInfra.freshTopic("import_garbage", 1);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(raw(topic, 1, "not json".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        assertThatThrownBy(() -> new KafkaLogImporter().importTopic(LocalInfra.freshSchema("import_garbage"), LocalInfra.kafkaConfig(), topic, "svc"))
                .hasMessageContaining("record " + topic + "-0@0 is not an event envelope");

        String noSeq = LocalInfra.freshTopic("import_noseq", 1);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(noSeq, 0, "s", "{}".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        assertThatThrownBy(() -> new KafkaLogImporter().importTopic(LocalInfra.freshSchema("import_noseq"), LocalInfra.kafkaConfig(), noSeq, "svc"))
                .hasMessageContaining("record " + noSeq + "-0@0 has no log-seq header");
    }

    @Test
    void aTopicWhosePartitionsRepeatALogSeqIsRefusedAsOutOfOrder() {
        String topic = LocalInfra.freshTopic("import_order", 2);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int p = 0; p < 2; p++) {
                StoredEvent e = new StoredEvent(1, 1, UUID.randomUUID(), "s" + p, 1, "T", 1, "{}", Map.of(), Instant.EPOCH);
                producer.send(KafkaEnvelope.toRecord(topic, p, e, 1));
            }
            producer.flush();
        }
        DataSource empty = LocalInfra.freshSchema("import_order");
        assertThatThrownBy(() -> new KafkaLogImporter().importTopic(empty, LocalInfra.kafkaConfig(), topic, "svc"))
                .hasMessageContaining("is out of order at " + topic + "-1@0: log-seq 1 after 1");
        assertThat(count(empty, "event_log")).isZero();
    }

    @Test
    void aRecordPostgresRefusesIsNamedAndNothingOfItsTransactionIsImported() {
        String topic = LocalInfra.freshTopic("import_refused", 2);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long seq = 0;
            for (int i = 0; i < 40; i++) {
                // the 30th event's payload is not JSON: envelope-wise it is a string like any other
                String payload = i == 29 ? "{\"a\": oops}" : "{\"a\":" + i + "}";
                StoredEvent e = new StoredEvent(i + 1, 1, UUID.randomUUID(), "s" + i % 3, i / 3 + 1, "T", 1, payload, Map.of(),
                        Instant.EPOCH);
                producer.send(KafkaEnvelope.toRecord(topic, i % 2, e, ++seq));
            }
            producer.flush();
        }
        DataSource empty = LocalInfra.freshSchema("import_refused");
        // Transactions close at the first chunk boundary at or past 10 events (chunks of 4, so 12 each): the first two
        // commit, the third, holding the bad row, does not.
        assertThatThrownBy(() -> new KafkaLogImporter(10, 4).importTopic(empty, LocalInfra.kafkaConfig(), topic, "svc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record " + topic + "-1@14 was refused by PostgreSQL")
                .hasMessageContaining("json");
        assertThat(count(empty, "event_log")).isEqualTo(24);
        assertThat(count(empty, "outbox_checkpoint")).isZero();
    }

    @Test
    void anEmptyTopicImportsNothingAndSetsNoCheckpoint() {
        String topic = LocalInfra.freshTopic("import_empty", 3);
        DataSource empty = LocalInfra.freshSchema("import_empty");
        KafkaLogImporter.Result result = new KafkaLogImporter().importTopic(empty, LocalInfra.kafkaConfig(), topic, "svc");
        assertThat(result.events()).isZero();
        assertThat(result.inboxEntries()).isZero();
        assertThat(count(empty, "event_log")).isZero();
        assertThat(count(empty, "outbox_checkpoint")).isZero();
    }

    private static ProducerRecord<String, byte[]> raw(String topic, long seq, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaEnvelope.LOG_SEQ, ByteBuffer.allocate(8).putLong(seq).array());
        return new ProducerRecord<>(topic, 0, "s", value, headers);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.putAll(LocalInfra.kafkaConfig());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }
}
