package net.nym.tokenomics.selection;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Input events as rewards-service and performance-service publish them, and a producer to feed them in. */
public final class Fixtures {

    private static final AtomicLong SEQ = new AtomicLong(1);
    private static KafkaProducer<String, byte[]> producer;

    private Fixtures() {
    }

    /** A fresh block of node ids for one test (u32, far apart between tests). */
    public static long nodeBase() {
        return ThreadLocalRandom.current().nextLong(1_000, 4_000_000_000L);
    }

    public static IntegrationEvents.NodeBonded bonded(long nodeId, String owner, boolean mix, boolean entry, boolean exit) {
        return new IntegrationEvents.NodeBonded(nodeId, owner, "ident" + nodeId, "node" + nodeId + ".example", 8080,
                new IntegrationEvents.NodeRoles(mix, entry, exit), Unym.of(100_000_000L), 0);
    }

    public static IntegrationEvents.StakeSnapshotTaken snapshot(long epochId, int entry, int exit, int mix, int standby,
                                                                 Map<Long, Long> stakeByNode) {
        Decimal ssp = Decimal.of(1_000_000_000L);
        List<IntegrationEvents.NodeStake> nodes = stakeByNode.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new IntegrationEvents.NodeStake(e.getKey(), "owner", Decimal.of(e.getValue()), Decimal.of(1_000),
                        Decimal.ONE.min(Decimal.of(e.getValue()).div(ssp))))
                .toList();
        return new IntegrationEvents.StakeSnapshotTaken(epochId, ssp, entry, exit, mix, standby, nodes);
    }

    public static IntegrationEvents.EpochPerformanceComputed performance(long epochId, Map<Long, String> perfByNode) {
        List<IntegrationEvents.NodePerformance> nodes = perfByNode.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new IntegrationEvents.NodePerformance(e.getKey(), Percent.parse(e.getValue()), 1.0, 1.0, 10, List.of()))
                .toList();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new IntegrationEvents.EpochPerformanceComputed(epochId, t, t.plusSeconds(3600), nodes, "00");
    }

    /** The event as the producing service's log would hold it (a new event id). */
    public static StoredEvent stored(Object integrationRecord) {
        NewEvent n = IntegrationEvents.codec().encode(UUID.randomUUID(), integrationRecord);
        long seq = SEQ.getAndIncrement();
        return new StoredEvent(seq, seq, n.eventId(), "producer-stream", seq, n.eventType(), n.schemaVersion(), n.payload(),
                Map.of(), Instant.now());
    }

    /** Publishes the event to {@code topic} exactly as an outbox relay would. */
    public static synchronized StoredEvent send(String topic, StoredEvent event) {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(LocalInfra.kafkaConfig());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            producer.send(KafkaEnvelope.toRecord(topic, 0, event, SEQ.getAndIncrement())).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
        return event;
    }

    public static StoredEvent send(String topic, Object integrationRecord) {
        return send(topic, stored(integrationRecord));
    }

    /** Inputs of epoch e for five nodes (two gateways, three mixnodes) with ids from base, stored as consumed. */
    public static List<StoredEvent> epochInputs(long e, long base) {
        return List.of(
                stored(bonded(base, "alice", false, true, true)),
                stored(bonded(base + 1, "bob", false, true, true)),
                stored(bonded(base + 2, "carol", true, false, false)),
                stored(bonded(base + 3, "carol", true, false, false)),
                stored(bonded(base + 4, "dave", true, false, false)),
                stored(snapshot(e, 1, 1, 3, 0, Map.of(base, 5_000_000L, base + 1, 7_000_000L,
                        base + 2, 9_000_000L, base + 3, 1_000_000L, base + 4, 3_000_000L))),
                stored(performance(e, Map.of(base, "0.99", base + 1, "0.95", base + 2, "1",
                        base + 3, "0.9", base + 4, "0.97"))));
    }

    /**
     * The stream's rows of the {@code rewarded_set} read model, in epoch order, each as the text of its columns after
     * the stream id joined by '|' (so the rows of two streams compare).
     */
    public static List<String> rewardedSetRows(DataSource dataSource, String stream) {
        try (var c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM rewarded_set WHERE stream_id = ? ORDER BY epoch_id")) {
            ps.setString(1, stream);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 2; i <= columns; i++) {
                        row.append(i > 2 ? "|" : "").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proof digest of each of the stream's rows of {@code rewarded_set}, by epoch. */
    public static Map<Long, String> proofDigests(DataSource dataSource, String stream) {
        try (var c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT epoch_id, proof_digest FROM rewarded_set WHERE stream_id = ? ORDER BY epoch_id")) {
            ps.setString(1, stream);
            Map<Long, String> out = new java.util.TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
