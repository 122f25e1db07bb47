package net.nym.tokenomics.performance;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.Ed25519;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Throughput of a running performance-service through REST and Kafka (not a test). It bonds N nodes (default 10,000)
 * on the rewards topic, posts signed node-monitor submissions of N results each, then publishes EpochEnded and waits
 * for the result over REST (committed and folded) and for EpochPerformanceComputed on the service's topic. Prints
 * submissions/s, results/s and the epoch turnaround; the service logs the handler's own split ("appended in").
 *
 * <p>The monitor key is derived from a fixed seed, so the service can be started with it on its allow-list:
 * <pre>
 *   java -cp &lt;test classpath&gt; net.nym.tokenomics.performance.ServiceBenchmark --signer
 *   MONITOR_ALLOWED_SIGNERS=&lt;printed key&gt; PERFORMANCE_SUBMISSION_FRESHNESS=PT600S java -Dtopics.rewards=bench.rewards -Dtopics.selection=bench.selection \
 *        -Dtopics.performance=bench.performance -Dperformance.prober.every=off \
 *        -Dmp.jwt.verify.publickey.location=file:&lt;any RSA public key PEM&gt; \
 *        -jar performance-service/target/quarkus-app/quarkus-run.jar
 *   java -cp &lt;test classpath&gt; net.nym.tokenomics.performance.ServiceBenchmark http://127.0.0.1:8082 \
 *        bench.rewards bench.selection bench.performance [nodes] [submissions]
 * </pre>
 * Use topics of its own: the benchmark produces thousands of registry events. The submissions are signed before the
 * clock starts, with distinct timestamps one second apart (the replay key), hence the wider freshness window. The
 * prober is off (the bonded hosts do not exist), and the reads need a readable JWT key even though they are public.
 */
public final class ServiceBenchmark {

    private ServiceBenchmark() {
    }

    static KeyPair monitorKey() throws Exception {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) (i * 7 + 1);
        }
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
            }
        };
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(NamedParameterSpec.ED25519, fixed);
        return g.generateKeyPair();
    }

    public static void main(String[] args) throws Exception {
        KeyPair keys = monitorKey();
        String signer = Base58.encode(Ed25519.rawPublicKey(keys.getPublic()));
        if (args.length == 0 || args[0].equals("--signer")) {
            System.out.println(signer);
            return;
        }
        String base = args[0];
        String rewardsTopic = args[1];
        String selectionTopic = args[2];
        String performanceTopic = args[3];
        int nodes = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int submissions = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        long firstId = 1_000_000L + (System.currentTimeMillis() % 1_000_000L) * 1000L;

        HttpClient http = HttpClient.newHttpClient();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            long started = System.nanoTime();
            long seq = System.currentTimeMillis() * 1000;
            for (int i = 0; i < nodes; i++) {
                long id = firstId + i;
                send(producer, rewardsTopic, seq++, new IntegrationEvents.NodeBonded(id, "n1bench" + id, identity(id),
                        "127.0.0.1", 1, new IntegrationEvents.NodeRoles(true, false, false), Unym.of(100_000_000L), 1));
            }
            producer.flush();
            long lastId = firstId + nodes - 1;
            while (http.send(HttpRequest.newBuilder(URI.create(base + "/v1/nym-nodes/performance/" + lastId)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                Thread.sleep(50);
            }
            System.out.printf("registry: %d NodeBonded consumed in %.1f s%n", nodes, (System.nanoTime() - started) / 1e9);

            List<String> bodies = new ArrayList<>(submissions);
            long ts = Instant.now().getEpochSecond();
            for (int s = 0; s < submissions; s++) {
                List<MonitorResult> results = new ArrayList<>(nodes);
                for (int i = 0; i < nodes; i++) {
                    results.add(new MonitorResult(firstId + i, identity(firstId + i), 50 + (i + s) % 51));
                }
                bodies.add(body(keys, signer, results, ts - s));
            }
            started = System.nanoTime();
            for (String body : bodies) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/v1/status/submit-node-monitoring-results"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("submission refused: " + r.statusCode() + " " + r.body());
                }
            }
            double secs = (System.nanoTime() - started) / 1e9;
            System.out.printf("submissions: %d of %d results in %.2f s = %.1f submissions/s, %.0f results/s%n",
                    submissions, nodes, secs, submissions / secs, (double) submissions * nodes / secs);

            long epoch = System.currentTimeMillis();
            Instant end = Instant.now();
            long lastNode = lastId;
            try (KafkaConsumer<String, byte[]> results = resultConsumer(bootstrap, performanceTopic)) {
                long[] visible = {0};
                started = System.nanoTime();
                long t0 = started;
                Thread rest = Thread.ofPlatform().daemon(true).start(() -> visible[0] = awaitVisible(http, base, lastNode,
                        epoch) - t0);
                send(producer, selectionTopic, seq, new IntegrationEvents.EpochEnded(epoch, 1, 0, end.minusSeconds(3600), end,
                        false));
                producer.flush();
                IntegrationEvents.EpochPerformanceComputed result = awaitResult(results, epoch);
                long onKafka = System.nanoTime() - started;
                rest.join(Duration.ofMinutes(5));
                System.out.printf("epoch %d: %d nodes; after EpochEnded was produced: result readable over REST (committed "
                        + "and folded) %.2f s, EpochPerformanceComputed on Kafka %.2f s (the service logs its own split: "
                        + "'appended in')%n", epoch, result.nodes().size(), visible[0] / 1e9, onKafka / 1e9);
            }
        }
    }

    /** Polls the node's annotation until it reports {@code epoch}; returns System.nanoTime() then. */
    private static long awaitVisible(HttpClient http, String base, long nodeId, long epoch) {
        String needle = "\"epoch_id\":" + epoch;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/nym-nodes/annotation/" + nodeId))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains(needle)) {
                    return System.nanoTime();
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("epoch " + epoch + " not readable over REST within 5 minutes");
    }

    private static String identity(long nodeId) {
        byte[] key = new byte[32];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (nodeId >>> (8 * i));
        }
        key[31] = 9;
        return Base58.encode(key);
    }

    private static String body(KeyPair keys, String signer, List<MonitorResult> results, long ts) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(SignedMonitorPayload.bytes(results, ts));
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>(results.size());
        for (MonitorResult r : results) {
            items.add(Map.of("node_id", r.nodeId(), "identity", r.identity(), "reliability", r.reliability()));
        }
        body.put("results", items);
        body.put("signature", Base58.encode(s.sign()));
        body.put("signer", signer);
        body.put("timestamp", ts);
        return Json.write(body);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, long seq, Object event) {
        UUID id = UUID.randomUUID();
        NewEvent e = IntegrationEvents.codec().encode(id, event);
        StoredEvent stored = new StoredEvent(seq, seq, id, "bench-" + e.eventType(), seq, e.eventType(), e.schemaVersion(),
                e.payload(), Map.of(), Instant.now());
        producer.send(KafkaEnvelope.toRecord(topic, 0, stored, seq));
    }

    /** Assigned (no group to join) and positioned at the topic's end before EpochEnded is produced. */
    private static KafkaConsumer<String, byte[]> resultConsumer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : c.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        return c;
    }

    private static IntegrationEvents.EpochPerformanceComputed awaitResult(KafkaConsumer<String, byte[]> c, long epoch) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                StoredEvent e = KafkaEnvelope.event(r);
                if (IntegrationEvents.EpochPerformanceComputed.TYPE.equals(e.eventType())) {
                    var computed = IntegrationEvents.codec().decode(e, IntegrationEvents.EpochPerformanceComputed.class);
                    if (computed.epochId() == epoch) {
                        return computed;
                    }
                }
            }
        }
        throw new IllegalStateException("no EpochPerformanceComputed for epoch " + epoch + " within 5 minutes");
    }
}
