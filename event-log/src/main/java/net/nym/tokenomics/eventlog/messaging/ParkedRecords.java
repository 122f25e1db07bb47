package net.nym.tokenomics.eventlog.messaging;

import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The records a service's channels parked on a dead-letter topic, read with a plain consumer that belongs to no group
 * (reading them commits nothing and moves no channel), and each one as it was on its original topic, so that a replay
 * hands it to the same {@link InboxDelivery} as the channel did. The connector's dead-letter record keeps the original
 * key, value and headers ({@code event-id}, {@code event-type}) and adds where it came from and why.
 */
public final class ParkedRecords {

    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String REASON = "dead-letter-reason";

    /** One parked record: where it is on the dead-letter topic, where it came from, which event, and why. */
    public record Parked(String dlqTopic, int dlqPartition, long dlqOffset, String topic, int partition, long offset,
                         String eventId, String eventType, String reason) {
    }

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafkaConfig;

    /** @param kafkaConfig the service's Kafka client settings (bootstrap servers, security) */
    public ParkedRecords(Map<String, Object> kafkaConfig) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
    }

    /** Every record on {@code dlqTopic}, in partition and offset order. */
    public List<ConsumerRecord<String, byte[]>> readAll(String dlqTopic) {
        Properties p = new Properties();
        p.putAll(kafkaConfig);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(dlqTopic)) {
                partitions.add(new TopicPartition(dlqTopic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading the dead-letter topic " + dlqTopic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        out.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return out;
    }

    /** The parked record at {@code partition}/{@code offset} of {@code dlqTopic}, if there is one. */
    public Optional<ConsumerRecord<String, byte[]>> find(String dlqTopic, int partition, long offset) {
        return readAll(dlqTopic).stream().filter(r -> r.partition() == partition && r.offset() == offset).findFirst();
    }

    /** What an operator needs to know about a parked record. */
    public static Parked describe(ConsumerRecord<String, byte[]> parked) {
        return new Parked(parked.topic(), parked.partition(), parked.offset(), header(parked, TOPIC),
                (int) number(parked, PARTITION), number(parked, OFFSET),
                header(parked, KafkaEnvelope.EVENT_ID), header(parked, KafkaEnvelope.EVENT_TYPE), header(parked, REASON));
    }

    /** The parked record as it was on its original topic, partition and offset, with its key, value and headers. */
    public static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> parked) {
        Parked where = describe(parked);
        RecordHeaders headers = new RecordHeaders();
        for (Header h : parked.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                headers.add(h);
            }
        }
        return new ConsumerRecord<>(where.topic(), where.partition(), where.offset(), parked.timestamp(),
                parked.timestampType(), ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, parked.key(), parked.value(),
                headers, Optional.empty());
    }

    /** A numeric header, or -1 when it is missing (a record someone put on the topic by hand). */
    private static long number(ConsumerRecord<?, ?> record, String name) {
        String value = header(record, name);
        return value == null ? -1 : Long.parseLong(value);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
