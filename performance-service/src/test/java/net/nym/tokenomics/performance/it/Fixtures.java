package net.nym.tokenomics.performance.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.eventlog.encoding.Base58;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Test inputs: other services' events produced to their topics, signed monitor submissions, fresh ids. */
public final class Fixtures {

    private static final AtomicLong SEQ = new AtomicLong(1);
    private static final AtomicLong LAST_TIMESTAMP = new AtomicLong();

    private Fixtures() {
    }

    public static String topic(String name) {
        return ConfigProvider.getConfig().getValue("topics." + name, String.class);
    }

    /** A node id no other test uses. */
    public static long freshNodeId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Integer.MAX_VALUE);
    }

    public static long freshEpoch() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000_000L);
    }

    /** Distinct monitor timestamps (a replay key is signer, kind and timestamp), all within the freshness window. */
    public static long nextTimestamp() {
        long now = Instant.now().getEpochSecond() - 20;
        return LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, now));
    }

    public static String identity(long nodeId) {
        byte[] key = new byte[32];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (nodeId >>> (8 * i));
        }
        key[31] = 7;
        return Base58.encode(key);
    }

    public static StoredEvent produce(String topicName, UUID eventId, Object integrationEvent) {
        NewEvent e = IntegrationEvents.codec().encode(eventId, integrationEvent);
        long seq = SEQ.getAndIncrement();
        StoredEvent stored = new StoredEvent(seq, seq, eventId, "test-" + e.eventType(), seq, e.eventType(),
                e.schemaVersion(), e.payload(), Map.of(), Instant.now());
        send(topic(topicName), stored);
        return stored;
    }

    public static void send(String topic, StoredEvent stored) {
        Properties p = new Properties();
        p.putAll(LocalInfra.kafkaConfig());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(KafkaEnvelope.toRecord(topic, 0, stored, stored.globalPosition())).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** Bonds the nodes through rewards-service's topic and waits until the service knows them. */
    public static void bond(String host, Map<Long, Integer> portsByNode) {
        for (Map.Entry<Long, Integer> n : portsByNode.entrySet()) {
            produce("rewards", UUID.randomUUID(), new IntegrationEvents.NodeBonded(n.getKey(), "n1owner" + n.getKey(),
                    identity(n.getKey()), host, n.getValue(), new IntegrationEvents.NodeRoles(true, false, false),
                    Unym.of(100_000_000L), 1));
        }
        for (Long id : portsByNode.keySet()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().get("/v1/nym-nodes/performance/" + id).statusCode() == 200);
        }
    }

    public static void bond(long... nodeIds) {
        Map<Long, Integer> m = new LinkedHashMap<>();
        for (long id : nodeIds) {
            m.put(id, 1);
        }
        bond("127.0.0.1", m);
    }

    public static MonitorResult result(long nodeId, int reliability) {
        return new MonitorResult(nodeId, identity(nodeId), reliability);
    }

    /** The JSON body a monitor sends, signed by {@code keys}. */
    public static String body(KeyPair keys, List<MonitorResult> results, long timestamp) {
        return body(MonitorKeys.publicKey(keys), MonitorKeys.sign(keys, results, timestamp), results, timestamp);
    }

    public static String body(String signer, String signature, List<MonitorResult> results, long timestamp) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (MonitorResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node_id", r.nodeId());
            m.put("identity", r.identity());
            m.put("reliability", r.reliability());
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", items);
        body.put("signature", signature);
        body.put("signer", signer);
        body.put("timestamp", timestamp);
        return Json.write(body);
    }

    public static Response submit(String kind, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/status/submit-" + kind + "-monitoring-results");
    }
}
