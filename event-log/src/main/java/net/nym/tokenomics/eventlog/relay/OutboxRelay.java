package net.nym.tokenomics.eventlog.relay;

import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Publishes a service's event log to its Kafka topic, in log order, each event exactly once.
 *
 * <ul>
 *   <li>Order and no skips: it reads with {@link EventStore#readAfter}, i.e. in (transaction id, position) order and
 *       only below {@code pg_snapshot_xmin}, so a transaction that commits late is waited for, never skipped.</li>
 *   <li>Per-entity order: key = stream id; the partition is computed here (murmur2 of the key, as Kafka's default
 *       partitioner) so that recovery knows where each event went. The producer is idempotent (acks=all), so
 *       retries neither duplicate nor reorder within a partition.</li>
 *   <li>Exactly once across crashes: the checkpoint in {@code outbox_checkpoint} is written only after Kafka
 *       acknowledged a batch, so it is a lower bound. On start (and after any failure) the relay reads the last record
 *       of every partition and skips, per partition, the events up to that one: a crash between publish and
 *       checkpoint does not publish twice, a crash between append and publish still publishes.</li>
 *   <li>One active relay per service: a PostgreSQL advisory lock elects it; other replicas stand by.</li>
 *   <li>A graceful stop drains: {@link #close()} publishes everything committed before it (bounded by
 *       {@link #DRAIN_TIMEOUT}), so stopping a service never leaves its own REST inputs only in its database, which
 *       matters when the database is then rebuilt from the topic. Only a crash leaves events for the next start.</li>
 * </ul>
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * A batch ends at {@link Config#batchSize()} events or once its payloads reach this many characters, whichever
     * comes first, so a backlog of large events (stake snapshots, selection proofs) is published a few at a time.
     */
    public static final long MAX_BATCH_PAYLOAD_CHARS = 16L * 1024 * 1024;

    /** How long {@link #close()} keeps publishing what is left before it gives up (Kafka down, say). */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);

    /** One batch: how many events were read from the log, and how many of them were sent (the rest Kafka already had). */
    private record Batch(int read, int sent) { }

    public record Config(String relayName, String topic, int batchSize, Duration idlePoll) {
        public Config {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1");
            }
        }
    }

    private record Checkpoint(LogPosition position, long publicationSeq) { }

    private final DataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final Config config;
    private final EventStore store = new EventStore();

    private KafkaProducer<String, byte[]> producer;
    private Connection lockConnection;
    private int partitions;
    /** Per partition, the log position of the last event Kafka already has beyond the checkpoint (after recovery). */
    private Map<Integer, LogPosition> publishedBeyondCheckpoint;
    private volatile boolean running;
    private Thread thread;
    private volatile long published;

    public OutboxRelay(DataSource dataSource, Map<String, Object> kafkaConfig, Config config) {
        this.dataSource = dataSource;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.config = config;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay-" + config.relayName()).daemon(true).start(this::loop);
    }

    private void loop() {
        long backoffMs = 200;
        while (running) {
            try {
                int n = publishOnce();
                backoffMs = 200;
                if (n == 0) {
                    Thread.sleep(config.idlePoll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.errorf(e, "outbox relay %s: publishing to %s failed, retrying in %d ms", config.relayName(), config.topic(), backoffMs);
                resetKafka();
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 5000);
            }
        }
    }

    /** Total events this relay instance has published (for metrics and tests). */
    public long publishedCount() {
        return published;
    }

    /**
     * Publishes the next batch of committed events. Returns how many events were newly sent (0 when there is nothing to
     * publish or another instance holds the relay lock).
     */
    public synchronized int publishOnce() throws Exception {
        return publishBatch().sent();
    }

    private synchronized Batch publishBatch() throws Exception {
        if (!holdsLock()) {
            return new Batch(0, 0);
        }
        if (producer == null) {
            producer = new KafkaProducer<>(producerProps());
            partitions = producer.partitionsFor(config.topic()).size();
            publishedBeyondCheckpoint = null;
        }
        Checkpoint checkpoint = readCheckpoint();
        if (publishedBeyondCheckpoint == null) {
            publishedBeyondCheckpoint = recover(checkpoint.position());
        }
        List<StoredEvent> events;
        try (Connection c = dataSource.getConnection()) {
            // a read-only transaction (no transaction id, so it holds back no reader's pg_snapshot_xmin): the rows come
            // from a cursor and the batch stops at MAX_BATCH_PAYLOAD_CHARS
            c.setAutoCommit(false);
            try {
                events = store.readAfter(c, checkpoint.position(), config.batchSize(), MAX_BATCH_PAYLOAD_CHARS);
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
        if (events.isEmpty()) {
            return new Batch(0, 0);
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        long seq = checkpoint.publicationSeq();
        for (StoredEvent e : events) {
            seq++;
            int partition = partitionOf(e.streamId());
            LogPosition already = publishedBeyondCheckpoint.get(partition);
            if (already != null && !e.position().isAfter(already)) {
                continue;
            }
            sends.add(producer.send(KafkaEnvelope.toRecord(config.topic(), partition, e, seq)));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sends) {
            f.get();
        }
        StoredEvent last = events.getLast();
        writeCheckpoint(new Checkpoint(last.position(), seq));
        publishedBeyondCheckpoint.values().removeIf(p -> !p.isAfter(last.position()));
        published += sends.size();
        if (!sends.isEmpty()) {
            LOG.debugf("outbox relay %s published %d events to %s up to position %d", config.relayName(), sends.size(),
                    config.topic(), last.globalPosition());
        }
        return new Batch(events.size(), sends.size());
    }

    /**
     * Publishes everything committed so far, batch after batch, on a thread of its own that is given at most
     * {@code timeout}. Producer and recovery state are rebuilt first: the loop may have been stopped part-way through a
     * batch, and reading Kafka's tail again is what keeps those events from being sent twice.
     */
    private void drain(Duration timeout) {
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        Thread drainer = Thread.ofPlatform().name("outbox-relay-drain-" + config.relayName()).daemon(true).start(() -> {
            try {
                synchronized (this) {
                    resetKafka();
                    Batch b;
                    do {
                        b = publishBatch();
                        sent.addAndGet(b.sent());
                    } while (b.read() > 0 && !Thread.currentThread().isInterrupted());
                }
            } catch (Exception e) {
                LOG.warnf(e, "outbox relay %s: could not publish everything at shutdown; the rest is published at the next start",
                        config.relayName());
            }
        });
        try {
            if (!drainer.join(timeout)) {
                LOG.warnf("outbox relay %s: publishing at shutdown took longer than %s; the rest is published at the next start",
                        config.relayName(), timeout);
                drainer.interrupt();
                drainer.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("outbox relay %s stopped: %d events published at shutdown in %d ms", config.relayName(), sent.get(),
                (System.nanoTime() - started) / 1_000_000);
    }

    int partitionOf(String streamId) {
        return Utils.toPositive(Utils.murmur2(streamId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Reads the last record of each partition; returns, per partition, its event's current log position if beyond the checkpoint. */
    private Map<Integer, LogPosition> recover(LogPosition checkpoint) throws SQLException {
        Map<Integer, UUID> lastIds = new HashMap<>();
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(config.topic(), p));
            }
            consumer.assign(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition tp : tps) {
                long end = ends.get(tp);
                if (end > 0) {
                    consumer.seek(tp, end - 1);
                    pending.add(tp);
                } else {
                    consumer.pause(List.of(tp));
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the last records of " + pending);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() == ends.get(tp) - 1) {
                        lastIds.put(r.partition(), KafkaEnvelope.eventId(r));
                        pending.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        }
        Map<Integer, LogPosition> beyond = new HashMap<>();
        if (lastIds.isEmpty()) {
            return beyond;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT event_id, transaction_id::text, global_position FROM event_log WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", lastIds.values().toArray()));
            Map<UUID, LogPosition> positions = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.put(rs.getObject(1, UUID.class), new LogPosition(Long.parseUnsignedLong(rs.getString(2)), rs.getLong(3)));
                }
            }
            for (var entry : lastIds.entrySet()) {
                LogPosition pos = positions.get(entry.getValue());
                if (pos == null) {
                    LOG.warnf("outbox relay %s: last record of %s-%d (event %s) is not in this log", config.relayName(),
                            config.topic(), entry.getKey(), entry.getValue());
                } else if (pos.isAfter(checkpoint)) {
                    beyond.put(entry.getKey(), pos);
                }
            }
        }
        if (!beyond.isEmpty()) {
            LOG.infof("outbox relay %s: Kafka already holds events beyond the checkpoint in partitions %s; they will not be sent again",
                    config.relayName(), beyond.keySet());
        }
        return beyond;
    }

    private Checkpoint readCheckpoint() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT transaction_id::text, global_position, publication_seq FROM outbox_checkpoint WHERE relay_name = ?")) {
            ps.setString(1, config.relayName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Checkpoint(LogPosition.START, 0);
                }
                return new Checkpoint(new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)), rs.getLong(3));
            }
        }
    }

    private void writeCheckpoint(Checkpoint cp) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            writeCheckpoint(c, config.relayName(), cp.position(), cp.publicationSeq());
        }
    }

    /** Sets a relay's checkpoint (used by the relay and by a rebuild from Kafka, whose events are already published). */
    public static void writeCheckpoint(Connection c, String relayName, LogPosition position, long publicationSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox_checkpoint (relay_name, transaction_id, global_position, publication_seq, updated_at)
                VALUES (?, ?::text::xid8, ?, ?, now())
                ON CONFLICT (relay_name) DO UPDATE SET transaction_id = excluded.transaction_id,
                    global_position = excluded.global_position, publication_seq = excluded.publication_seq,
                    updated_at = excluded.updated_at""")) {
            ps.setString(1, relayName);
            ps.setString(2, Long.toUnsignedString(position.transactionId()));
            ps.setLong(3, position.globalPosition());
            ps.setLong(4, publicationSeq);
            ps.executeUpdate();
        }
    }

    private boolean holdsLock() throws SQLException {
        if (lockConnection != null) {
            if (lockConnection.isValid(2)) {
                return true;
            }
            closeQuietly();
        }
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        // Advisory locks are per database: the schema is part of the key, so services (or test runs) that share a database
        // in different schemas do not block each other's relay.
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(current_schema() || ':' || ?))")) {
            ps.setString(1, "outbox-relay:" + config.relayName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    lockConnection = c;
                    LOG.infof("outbox relay %s is active: publishing to topic %s", config.relayName(), config.topic());
                    return true;
                }
            }
        }
        c.close();
        return false;
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // A batch of the log is sent at once and then waited for: produce requests of up to 256 KiB (the default 16 KiB
        // made a 100,000-event transaction about 4,400 requests, five in flight at a time) filled for up to 5 ms.
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        // Per-epoch results (a selection proof, a stake snapshot) grow with the node count: allow records up to 32 MiB,
        // matching the broker's and topics' message.max.bytes (deploy/local, deploy/kubernetes).
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(32 * 1024 * 1024));
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.relayName());
        return props;
    }

    private void resetKafka() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // the producer is being replaced after a failure; its close error adds nothing
            }
            producer = null;
        }
        publishedBeyondCheckpoint = null;
    }

    private void closeQuietly() {
        // Unlock explicitly: with a connection pool, close() returns the session to the pool with its lock still held.
        try (PreparedStatement ps = lockConnection.prepareStatement("SELECT pg_advisory_unlock(hashtext(current_schema() || ':' || ?))")) {
            ps.setString(1, "outbox-relay:" + config.relayName());
            ps.executeQuery().close();
        } catch (SQLException ignored) {
            // a broken connection has lost its session, and its lock with it
        }
        try {
            lockConnection.close();
        } catch (SQLException ignored) {
            // a broken lock connection is being discarded
        }
        lockConnection = null;
    }

    /**
     * Stops the relay. One that was {@link #start() started} first publishes what is committed and not yet published
     * (see {@link #DRAIN_TIMEOUT}); the caller stops appending before it closes.
     */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            drain(DRAIN_TIMEOUT);
        }
        synchronized (this) {
            resetKafka();
            if (lockConnection != null) {
                closeQuietly();
            }
        }
    }
}
