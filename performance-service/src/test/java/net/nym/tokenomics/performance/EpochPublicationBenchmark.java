package net.nym.tokenomics.performance;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.performance.application.EpochPublisher;
import net.nym.tokenomics.performance.application.LogFollower;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.application.PerformanceState;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an epoch's time goes, in one JVM against the real PostgreSQL and Kafka (not a test): it writes a log of N
 * bonded nodes (default 10,000), their self-descriptions and S node-monitor submissions of N results (default 20),
 * folds it like the service at start-up, starts the outbox relay on a fresh topic, then publishes a few epochs with
 * the service's own {@link EpochPublisher} in a transaction each and prints the split: the publisher's steps,
 * EpochEnded handled → committed, → folded into the state (the REST reads see it), → EpochPerformanceComputed
 * consumed from Kafka. The first epoch runs on a cold JIT, as the first epoch after a service start does (after the
 * publisher's warm-up, like the service; {@code -Dbench.cold=true} skips it).
 * <pre>
 *   java -cp &lt;test classpath&gt; net.nym.tokenomics.performance.EpochPublicationBenchmark [nodes] [submissions] [epochs]
 * </pre>
 */
public final class EpochPublicationBenchmark {

    private EpochPublicationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int submissions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        EventCodec codec = PerformanceEvents.codec();
        EventStore store = new EventStore();
        DataSource ds = LocalInfra.freshSchema("perf_bench");
        Instant now = Instant.now();

        long t = System.nanoTime();
        List<NewEvent> registry = new ArrayList<>(nodes);
        List<NewEvent> described = new ArrayList<>(nodes);
        String[] versions = {"1.4.0", "1.3.2", "1.3.1", "1.3.0"};
        for (int i = 0; i < nodes; i++) {
            long id = i + 1;
            registry.add(codec.encode(UUID.randomUUID(), new PerformanceEvents.NodeRegistered(id, "identity-" + id,
                    "127.0.0.1", 8080, true, i % 3 == 0, i % 5 == 0, 1)));
            described.add(codec.encode(UUID.randomUUID(), new NodeFact.NodeDescribed(id, now.minusSeconds(600), true,
                    "nym-node", versions[i % versions.length], new NodeRoles(true, i % 3 == 0, i % 5 == 0), i % 50 != 0)));
        }
        List<NewEvent> releases = new ArrayList<>();
        ReleaseHistory chain = ReleaseHistory.EMPTY;
        for (String v : List.of("1.3.0", "1.3.1", "1.3.2", "1.4.0")) {
            var appended = new ReleaseHistoryDecider.ReleaseAppended(chain.nextEntry(
                    net.nym.tokenomics.performance.domain.version.Semver.parse(v), now.minusSeconds(86_400)));
            chain = ReleaseHistoryDecider.evolve(chain, appended);
            releases.add(codec.encode(UUID.randomUUID(), appended));
        }
        Transactions.inTransaction(ds, c -> {
            store.append(c, PerformanceEvents.REGISTRY_STREAM, 0, registry);
            store.append(c, "bench-self-descriptions", 0, described);
            store.append(c, PerformanceEvents.RELEASES_STREAM, 0, releases);
            return null;
        });
        for (int s = 0; s < submissions; s++) {
            List<NewEvent> parts = new ArrayList<>();
            for (int from = 0; from < nodes; from += 2000) {
                List<MonitorResult> results = new ArrayList<>(2000);
                for (int i = from; i < Math.min(nodes, from + 2000); i++) {
                    results.add(new MonitorResult(i + 1, "identity-" + (i + 1), 50 + (i + s) % 51));
                }
                parts.add(codec.encode(UUID.randomUUID(), new MonitoringResultsRecorded(MonitorKind.NODE, "bench-signer",
                        now.getEpochSecond() - 3600 + s, now.minusSeconds(3600 - s), results)));
            }
            Transactions.inTransaction(ds, c -> store.append(c, "monitor-node-bench-signer", store.streamVersion(c,
                    "monitor-node-bench-signer"), parts));
        }
        System.out.printf("log written: %d nodes, %d submissions of %d results in %.1f s%n", nodes, submissions, nodes,
                (System.nanoTime() - t) / 1e9);

        PerformanceState state = new PerformanceState(Duration.ofHours(48), Duration.ofHours(1), 2160);
        LogFollower follower = new LogFollower(ds, state);
        t = System.nanoTime();
        int folded = follower.catchUp();
        System.out.printf("start-up fold: %d events in %d ms%n", folded, (System.nanoTime() - t) / 1_000_000);

        String topic = LocalInfra.freshTopic("perf-bench", 1);
        Map<String, Object> kafka = LocalInfra.kafkaConfig();
        Map<Long, Long> seenOnKafka = new ConcurrentHashMap<>();
        Thread reader = Thread.ofPlatform().daemon(true).start(() -> watch(kafka, topic, seenOnKafka));
        try (OutboxRelay relay = new OutboxRelay(ds, kafka, new OutboxRelay.Config("perf-bench-" + UUID.randomUUID(),
                topic, 500, Duration.ofMillis(20)))) {
            relay.start();
            long logged = state.appliedEvents();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (relay.publishedCount() < logged && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.out.printf("relay caught up: %d events on %s%n", relay.publishedCount(), topic);

            EpochPublisher publisher = new EpochPublisher(codec, PerformanceConfig.DEFAULT, 1000);
            var handler = PerformanceApplication.inputHandler("bench", store, ds, follower);
            if (!Boolean.getBoolean("bench.cold")) {
                // As the service does after its start-up fold.
                publisher.warmUp();
            }
            for (int e = 1; e <= epochs; e++) {
                long epoch = e;
                var ended = new IntegrationEvents.EpochEnded(epoch, 1, e, now.minusSeconds(3600), now, false);
                long start = System.nanoTime();
                EpochPublisher.Outcome outcome = Transactions.inTransaction(ds, c ->
                        publisher.publish(c, handler, "bench", UUID.randomUUID(), ended));
                long committed = System.nanoTime();
                follower.catchUp();
                long foldedAt = System.nanoTime();
                long kafkaDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!seenOnKafka.containsKey(epoch) && System.nanoTime() < kafkaDeadline) {
                    Thread.sleep(1);
                }
                Long onKafka = seenOnKafka.get(epoch);
                System.out.printf("epoch %d (%s): %d nodes, %d measurements, %d payload bytes; %s; committed %d ms, "
                                + "folded %d ms, on Kafka %s ms after the handler started%n", epoch, e == 1 ? "first" : "later",
                        outcome.published().orElseThrow().result().nodes().size(), outcome.measurements(),
                        outcome.payloadBytes(), outcome.timings(), (committed - start) / 1_000_000,
                        (foldedAt - start) / 1_000_000, onKafka == null ? "(not seen)" : (onKafka - start) / 1_000_000);
            }
        }
        reader.interrupt();
    }

    /** Records when each epoch's EpochPerformanceComputed is consumed (System.nanoTime). */
    private static void watch(Map<String, Object> kafka, String topic, Map<Long, Long> seen) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    long at = System.nanoTime();
                    var event = KafkaEnvelope.event(r);
                    if (IntegrationEvents.EpochPerformanceComputed.TYPE.equals(event.eventType())) {
                        var e = IntegrationEvents.codec().decode(event, IntegrationEvents.EpochPerformanceComputed.class);
                        seen.putIfAbsent(e.epochId(), at);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }
}
