package net.nym.tokenomics.audit;

import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a topic back into log order, on the real broker. */
class TopicLogTest {

    private static StoredEvent event(long n) {
        return new StoredEvent(n, 100 + n, UUID.nameUUIDFromBytes(("e" + n).getBytes()), "stream-" + (n % 2), n, "Thing", 1,
                "{\"n\":" + n + "}", Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Publishes {@code (partition, seq)} pairs, the event of each seq being {@link #event(long)}. */
    private static String publish(List<long[]> partitionAndSeq) {
        String topic = LocalInfra.freshTopic("audit-topiclog", 3);
        Map<String, Object> config = new HashMap<>(LocalInfra.kafkaConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (long[] ps : partitionAndSeq) {
                producer.send(KafkaEnvelope.toRecord(topic, (int) ps[0], event(ps[1]), ps[1]));
            }
        }
        return topic;
    }

    @Test
    void partitionsAreMergedBackIntoLogOrderBySequenceNumber() {
        String topic = publish(List.of(new long[] {2, 3}, new long[] {0, 1}, new long[] {1, 2}, new long[] {2, 5},
                new long[] {0, 4}, new long[] {1, 6}));
        TopicLog log = TopicLog.read(LocalInfra.kafkaConfig(), topic);
        assertThat(log.defects()).isEmpty();
        assertThat(log.events()).extracting(TopicLog.Sequenced::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(log.events()).extracting(s -> s.event().payload())
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}");
        assertThat(log.events().getFirst().event()).isEqualTo(event(1));
    }

    @Test
    void aLostOrRepeatedEventIsASequenceDefect() {
        String topic = publish(List.of(new long[] {0, 1}, new long[] {1, 2}, new long[] {2, 5}, new long[] {0, 5},
                new long[] {1, 6}));
        TopicLog log = TopicLog.read(LocalInfra.kafkaConfig(), topic);
        assertThat(log.events()).extracting(TopicLog.Sequenced::seq).containsExactly(1L, 2L, 5L, 6L);
        assertThat(log.defects()).hasSize(2);
        assertThat(log.defects().get(0)).startsWith("log-seq 5 published twice");
        assertThat(log.defects().get(1)).isEqualTo("log-seq 3..4 missing (next present: 5)");
    }

    @Test
    void anAbsentTopicIsAnErrorNotAnEmptyLog() {
        assertThatThrownBy(() -> TopicLog.read(LocalInfra.kafkaConfig(), "audit-no-such-topic-" + UUID.randomUUID()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void anEmptyTopicIsAnEmptySoundLog() {
        TopicLog log = TopicLog.read(LocalInfra.kafkaConfig(), LocalInfra.freshTopic("audit-empty", 2));
        assertThat(log.events()).isEmpty();
        assertThat(log.defects()).isEmpty();
    }

    @Test
    void theFirstDifferenceNamesTheLineAndShowsBothSides() {
        assertThat(SelectionAudit.firstDifference("a\nb=1\nc", "a\nb=2\nc")).isEqualTo("line 2, recomputed \"b=1\", recorded \"b=2\"");
        assertThat(SelectionAudit.firstDifference("a\nb", "a")).isEqualTo("line 2, recomputed \"b\", recorded \"<end>\"");
        assertThat(SelectionAudit.firstDifference("same", "same")).isEqualTo("none");
        assertThat(SelectionAudit.firstDifference("x".repeat(100) + "1", "x".repeat(100) + "2"))
                .startsWith("recomputed \"…").endsWith("1\", recorded \"…" + "x".repeat(40) + "2\"");
    }
}
