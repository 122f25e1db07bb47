package net.nym.tokenomics.audit;

import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service's log as read back from its Kafka topic: every event in the log's order (the {@code log-seq} header
 * merges the partitions), with what is wrong with the sequence itself (a missing or repeated number means an event
 * was lost or published twice).
 *
 * @param defects gaps and repeats in {@code log-seq}, in order; empty for a sound topic
 */
public record TopicLog(String topic, List<Sequenced> events, List<String> defects) {

    /** An event with its publication sequence number. */
    public record Sequenced(long seq, StoredEvent event) {
        /** Where it is, for a report: topic-independent. */
        public String describe() {
            return "log-seq " + seq + " (" + event.eventType() + ", event id " + event.eventId() + ")";
        }
    }

    public TopicLog {
        events = List.copyOf(events);
        defects = List.copyOf(defects);
    }

    /**
     * Reads {@code topic} from the beginning up to the end offsets seen when the read starts (later events are not
     * waited for), with a read-only consumer that commits nothing.
     */
    public static TopicLog read(Map<String, Object> kafkaConfig, String topic) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        TreeMap<Long, StoredEvent> bySeq = new TreeMap<>();
        List<String> defects = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (!reached(consumer, end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    long seq = KafkaEnvelope.publicationSeq(r);
                    StoredEvent e = KafkaEnvelope.event(r);
                    StoredEvent earlier = bySeq.putIfAbsent(seq, e);
                    if (earlier != null) {
                        defects.add("log-seq " + seq + " published twice (" + earlier.eventId() + " and " + e.eventId()
                                + " at partition " + r.partition() + " offset " + r.offset() + ")");
                    }
                }
            }
        }
        List<Sequenced> events = new ArrayList<>(bySeq.size());
        long expected = 1;
        for (Map.Entry<Long, StoredEvent> e : bySeq.entrySet()) {
            if (e.getKey() != expected) {
                defects.add("log-seq " + expected + (e.getKey() - 1 > expected ? ".." + (e.getKey() - 1) : "")
                        + " missing (next present: " + e.getKey() + ")");
            }
            expected = e.getKey() + 1;
            events.add(new Sequenced(e.getKey(), e.getValue()));
        }
        return new TopicLog(topic, events, defects);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
