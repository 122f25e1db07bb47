package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record on an input topic (a NodeBonded whose payload cannot decode) is retried, then parked on the
 * service's dead-letter topic with where it came from and why, and the records after it are applied.
 */
@QuarkusTest
class PoisonRecordTest {

    @Test
    void aRecordThatCannotDecodeIsParkedOnTheDeadLetterTopicAndTheNextRecordsAreApplied() throws Exception {
        String rewards = LedgerTestSupport.topic("rewards");
        UUID poisonId = UUID.randomUUID();
        StoredEvent poison = new StoredEvent(1, 1, poisonId, "test-poison", 1, IntegrationEvents.NodeBonded.TYPE, 1,
                "{\"node_id\": \"not a number\"", Map.of(), Instant.now());
        Properties p = new Properties();
        p.putAll(LocalInfra.kafkaConfig());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(KafkaEnvelope.toRecord(rewards, 0, poison, 1)).get();
        }

        LedgerTestSupport.Gateway after = LedgerTestSupport.bondedGateway();

        String dlq = ConfigProvider.getConfig().getValue("topics.dlq.ticket-ledger", String.class);
        // (other tests of this service park records on the same topic)
        List<ConsumerRecord<String, byte[]>> parked = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> LocalInfra.readAll(dlq).stream().filter(r -> KafkaEnvelope.eventId(r).equals(poisonId)).toList(),
                        records -> !records.isEmpty());
        assertThat(parked).hasSize(1);
        ConsumerRecord<String, byte[]> record = parked.getFirst();
        assertThat(KafkaEnvelope.eventId(record)).isEqualTo(poisonId);
        assertThat(header(record, "dead-letter-topic")).isEqualTo(rewards);
        assertThat(header(record, "dead-letter-partition")).isEqualTo("0");
        assertThat(header(record, "dead-letter-offset")).isNotBlank();
        assertThat(header(record, "dead-letter-reason")).contains(poisonId.toString(), rewards + "-0@");
        assertThat(given().get("/v1/gateways/" + after.nodeId()).statusCode()).isEqualTo(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
