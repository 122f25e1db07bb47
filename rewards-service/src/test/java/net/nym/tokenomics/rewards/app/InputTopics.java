package net.nym.tokenomics.rewards.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import net.nym.tokenomics.rewards.application.LedgerService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The input topics of a test run, created before the service starts (so its consumer finds them), and a producer that
 * publishes input events on them the way the other services' relays do.
 */
public final class InputTopics implements QuarkusTestResourceLifecycleManager {

    // New topics at every start of the service (a test profile restarts it with a fresh database).
    public static volatile String SELECTION;
    public static volatile String PERFORMANCE;
    public static volatile String TICKET_LEDGER;
    private static final AtomicLong SEQ = new AtomicLong();
    private static final IntegrationEvents.NodeRoles ALL = new IntegrationEvents.NodeRoles(true, true, true);

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        SELECTION = "test-rw-" + run + ".selection";
        PERFORMANCE = "test-rw-" + run + ".performance";
        TICKET_LEDGER = "test-rw-" + run + ".ticket-ledger";
        Properties p = new Properties();
        p.putAll(LocalInfra.kafkaConfig());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(SELECTION, PERFORMANCE, TICKET_LEDGER).stream()
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the input topics", e);
        }
        return Map.of("topics.selection", SELECTION, "topics.performance", PERFORMANCE, "topics.ticket-ledger", TICKET_LEDGER);
    }

    @Override
    public void stop() {
    }

    /** Publishes {@code record} (an integration event) on {@code topic}; returns the event id used. */
    public static UUID publish(String topic, Object record) {
        return publish(topic, record, UUID.randomUUID());
    }

    public static UUID publish(String topic, Object record, UUID eventId) {
        NewEvent e = IntegrationEvents.codec().encode(eventId, record);
        long seq = SEQ.incrementAndGet();
        StoredEvent stored = new StoredEvent(seq, seq, eventId, "test-input", seq, e.eventType(), e.schemaVersion(), e.payload(),
                Map.of(), Instant.now());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(KafkaEnvelope.toRecord(topic, 0, stored, seq)).get();
        } catch (Exception ex) {
            throw new IllegalStateException("cannot publish to " + topic, ex);
        }
        return eventId;
    }

    /** All four inputs of an epoch: {@code entry} nodes as entry gateways, performance as given (others absent = 0). */
    public static void feedEpoch(long epoch, List<Long> entry, List<Long> exit, List<List<Long>> layers, List<Long> standby,
                                 Map<Long, String> performance) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600 * epoch);
        publish(SELECTION, new IntegrationEvents.EpochEnded(epoch, 0, 0, start, start.plusSeconds(3600), false));
        publish(SELECTION, new IntegrationEvents.RewardedSetSelected(epoch, entry, exit, layers.get(0), layers.get(1),
                layers.get(2), standby, "seed", "proof"));
        publish(PERFORMANCE, new IntegrationEvents.EpochPerformanceComputed(epoch, start, start.plusSeconds(3600),
                performance.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(en -> new IntegrationEvents.NodePerformance(en.getKey(),
                                net.nym.tokenomics.eventlog.decimal.Percent.parse(en.getValue()), 1.0, 1.0, 1, List.of()))
                        .toList(), "digest"));
        publish(TICKET_LEDGER, new IntegrationEvents.EpochUsageClosed(epoch, List.of(), 0,
                net.nym.tokenomics.eventlog.decimal.Decimal.ZERO, "digest"));
    }

    /**
     * Feeds the current epoch's inputs with {@code node} alone in the set (as an entry gateway, performance 0.95) and
     * waits until the service has closed the epoch and committed the closing.
     */
    public static void closeEpochAlone(LedgerService ledger, long node) {
        long epoch = ledger.read(v -> v.ledger().globals().currentEpoch());
        feedEpoch(epoch, List.of(node), List.of(), List.of(List.of(), List.of(), List.of()), List.of(), Map.of(node, "0.95"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.read(v -> v.ledger().globals().currentEpoch()) > epoch);
        // the fold shows the closing a moment before its transaction commits: its read-model rows come with the commit,
        // as does the epoch's totals row behind this read
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/v1/epochs/" + epoch + "/rewards").statusCode() == 200);
    }

    static IntegrationEvents.NodeRoles allRoles() {
        return ALL;
    }
}
