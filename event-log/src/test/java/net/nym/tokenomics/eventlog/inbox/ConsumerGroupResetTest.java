package net.nym.tokenomics.eventlog.inbox;

import net.nym.tokenomics.eventlog.testing.LocalInfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resetting a stopped service's consumer groups after a rebuild, on the real broker. */
class ConsumerGroupResetTest {

    private static Map<String, Object> consumerConfig(String group) {
        Map<String, Object> c = new HashMap<>(LocalInfra.kafkaConfig());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return c;
    }

    private static String topicWithThreeRecords() {
        String topic = LocalInfra.freshTopic("groupreset", 1);
        Map<String, Object> p = new HashMap<>(LocalInfra.kafkaConfig());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i));
            }
        }
        return topic;
    }

    private static void commit(String group, String topic, long offset) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig(group))) {
            c.subscribe(List.of(topic));
            while (c.assignment().isEmpty()) {
                c.poll(Duration.ofMillis(200));
            }
            c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)));
        }
    }

    @Test
    void theStoppedServicesGroupsReadTheirTopicsFromTheBeginningAgainOthersAreUntouched() throws Exception {
        String topic = topicWithThreeRecords();
        String prefix = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        commit(prefix + "-inputs", topic, 3);
        commit(prefix + ".epochs", topic, 2);
        commit("other-" + prefix, topic, 3);

        ConsumerGroupReset.Result r = ConsumerGroupReset.reset(LocalInfra.kafkaConfig(), prefix, t -> t.equals(topic), Duration.ofSeconds(30));

        assertThat(r.deleted()).containsOnlyKeys(prefix + "-inputs", prefix + ".epochs");
        try (Admin admin = Admin.create(LocalInfra.kafkaConfig())) {
            assertThat(admin.listConsumerGroupOffsets(prefix + "-inputs").partitionsToOffsetAndMetadata().get()).isEmpty();
            assertThat(admin.listConsumerGroupOffsets("other-" + prefix).partitionsToOffsetAndMetadata().get())
                    .containsEntry(new TopicPartition(topic, 0), new OffsetAndMetadata(3));
        }
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig(prefix + "-inputs"))) {
            c.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 3 && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(rec -> values.add(rec.value()));
            }
            assertThat(values).as("read again from offset 0").containsExactly("v0", "v1", "v2");
        }
    }

    @Test
    void aGroupWithAnActiveMemberIsNotResetAndTheErrorNamesIt() {
        String topic = topicWithThreeRecords();
        String group = "svc-" + UUID.randomUUID().toString().substring(0, 8) + "-inputs";
        commit(group, topic, 3);
        try (KafkaConsumer<String, String> running = new KafkaConsumer<>(consumerConfig(group))) {
            running.subscribe(List.of(topic));
            while (running.assignment().isEmpty()) {
                running.poll(Duration.ofMillis(200));
            }
            assertThatThrownBy(() -> ConsumerGroupReset.reset(LocalInfra.kafkaConfig(), group, t -> true, Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(group).hasMessageContaining("stop the service");
        }
    }
}
