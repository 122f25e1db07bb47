package net.nym.tokenomics.eventlog.replay;

import net.nym.tokenomics.eventlog.inbox.Inbox;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Rebuilds a service's event log from its own Kafka topic alone, into an empty database: reads every partition from
 * offset 0 up to the end offsets seen at start, merges the partitions back into log order by the {@code log-seq}
 * header, and re-inserts the events (same ids, streams, versions, payloads, metadata). It also restores what goes with
 * the log: the inbox (from each event's causation metadata, so input events that caused them are not applied again)
 * and the relay checkpoint (the imported events are already on Kafka). Projections are then rebuilt from the log.
 */
public final class KafkaLogImporter {

    private static final Logger LOG = Logger.getLogger(KafkaLogImporter.class);
    private static final int INSERT_BATCH = 5000;

    public record Result(long events, long inboxEntries, Duration took) { }

    private final EventStore store = new EventStore();
    private final Inbox inbox = new Inbox();

    public Result importTopic(DataSource dataSource, Map<String, Object> kafkaConfig, String topic, String relayName) {
        long start = System.nanoTime();
        long existing = Transactions.inTransaction(dataSource, store::count);
        if (existing != 0) {
            throw new IllegalStateException("rebuild from Kafka needs an empty event log; this one has " + existing + " events");
        }
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        long[] counts = new long[2];
        long[] lastSeq = {0};
        // Inserting runs on its own thread, one batch after another (so in order), while this thread reads and merges.
        java.util.concurrent.ExecutorService inserter = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().name("kafka-import-insert").daemon(true).unstarted(r));
        List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (PartitionInfo pi : consumer.partitionsFor(topic)) {
                tps.add(new TopicPartition(topic, pi.partition()));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
            Map<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> queues = new HashMap<>();
            List<TopicPartition> open = new ArrayList<>();
            for (TopicPartition tp : tps) {
                queues.put(tp, new ArrayDeque<>());
                if (ends.get(tp) > 0) {
                    open.add(tp);
                }
            }
            Map<TopicPartition, Long> next = new HashMap<>();
            List<StoredEvent> batch = new ArrayList<>(INSERT_BATCH);
            // replaced (not cleared) after each hand-over to the inserter
            while (true) {
                // Merge: emit the smallest log-seq head while every partition that still has records has one queued.
                boolean progressed = true;
                while (progressed) {
                    progressed = false;
                    boolean allReady = true;
                    TopicPartition best = null;
                    long bestSeq = Long.MAX_VALUE;
                    for (TopicPartition tp : tps) {
                        var q = queues.get(tp);
                        if (q.isEmpty()) {
                            if (open.contains(tp)) {
                                allReady = false;
                                break;
                            }
                            continue;
                        }
                        long seq = KafkaEnvelope.publicationSeq(q.peekFirst());
                        if (seq < bestSeq) {
                            bestSeq = seq;
                            best = tp;
                        }
                    }
                    if (allReady && best != null) {
                        ConsumerRecord<String, byte[]> r = queues.get(best).pollFirst();
                        if (bestSeq <= lastSeq[0]) {
                            throw new IllegalStateException("topic " + topic + " is out of order at " + r.topic() + "-"
                                    + r.partition() + "@" + r.offset() + ": log-seq " + bestSeq + " after " + lastSeq[0]);
                        }
                        lastSeq[0] = bestSeq;
                        batch.add(KafkaEnvelope.event(r));
                        if (batch.size() == INSERT_BATCH) {
                            submit(inserter, pending, dataSource, batch, counts);
                            batch = new ArrayList<>(INSERT_BATCH);
                        }
                        progressed = true;
                    }
                }
                if (open.isEmpty() && queues.values().stream().allMatch(ArrayDeque::isEmpty)) {
                    break;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < ends.get(tp)) {
                        queues.get(tp).addLast(r);
                    }
                    next.put(tp, r.offset() + 1);
                }
                open.removeIf(tp -> next.getOrDefault(tp, 0L) >= ends.get(tp));
            }
            submit(inserter, pending, dataSource, batch, counts);
            awaitAll(pending);
        } finally {
            inserter.shutdownNow();
        }
        long seq = lastSeq[0];
        Transactions.inTransaction(dataSource, c -> {
            LogPosition last = lastPosition(c);
            if (last != null) {
                OutboxRelay.writeCheckpoint(c, relayName, last, seq);
            }
            return null;
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.infof("imported %d events (%d inbox entries) from %s in %d ms", counts[0], counts[1], topic, took.toMillis());
        return new Result(counts[0], counts[1], took);
    }

    private void submit(java.util.concurrent.ExecutorService inserter, List<java.util.concurrent.Future<?>> pending,
                        DataSource dataSource, List<StoredEvent> batch, long[] counts) {
        pending.removeIf(f -> f.isDone() && succeeded(f));
        // At most two batches in flight: reading stays ahead of inserting without holding the whole topic in memory.
        while (pending.size() >= 2) {
            succeeded(pending.removeFirst());
        }
        pending.add(inserter.submit(() -> flush(dataSource, batch, counts)));
    }

    private static boolean succeeded(java.util.concurrent.Future<?> f) {
        try {
            f.get();
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("rebuild from Kafka failed while inserting: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAll(List<java.util.concurrent.Future<?>> pending) {
        for (var f : pending) {
            succeeded(f);
        }
        pending.clear();
    }

    private void flush(DataSource dataSource, List<StoredEvent> batch, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        Transactions.inTransaction(dataSource, c -> {
            store.importEvents(c, batch);
            counts[0] += batch.size();
            List<String> consumers = new ArrayList<>();
            List<UUID> causes = new ArrayList<>();
            for (StoredEvent e : batch) {
                String consumer = e.metadata().get(NewEvent.CAUSATION_CONSUMER);
                String cause = e.metadata().get(NewEvent.CAUSATION_ID);
                if (consumer != null && cause != null) {
                    consumers.add(consumer);
                    causes.add(UUID.fromString(cause));
                }
            }
            counts[1] += inbox.recordAll(c, consumers, causes);
            return null;
        });
    }

    private static LogPosition lastPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT transaction_id::text, global_position FROM event_log ORDER BY transaction_id DESC, global_position DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)) : null;
        }
    }
}
