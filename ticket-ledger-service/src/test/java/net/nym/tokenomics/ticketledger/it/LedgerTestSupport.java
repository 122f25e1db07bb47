package net.nym.tokenomics.ticketledger.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.signing.GatewaySignatures;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Gateways with real ed25519 keys, signed batches, and input events produced to the service's input topics. */
public final class LedgerTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SEQ = new AtomicLong(1);
    private static KafkaProducer<String, byte[]> producer;

    private LedgerTestSupport() {
    }

    /** A gateway node: its id and its identity key pair. */
    public record Gateway(long nodeId, KeyPair keys) {
        public GatewayIdentity identity() {
            return GatewaySignatures.identity(keys.getPublic());
        }
    }

    public static Gateway newGateway() {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Gateway(1 + RANDOM.nextLong(2_000_000_000L), keys);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bonded gateway the service knows (NodeBonded produced on the rewards topic and consumed). */
    public static Gateway bondedGateway() {
        Gateway g = newGateway();
        bond(g);
        return g;
    }

    public static void bond(Gateway g) {
        produceBonded(g, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/v1/gateways/" + g.nodeId()).statusCode() == 200);
    }

    /** Produces the NodeBonded of {@code g} with event id {@code id}, without waiting for it to be applied. */
    public static void produceBonded(Gateway g, UUID id) {
        produce(topic("rewards"), IntegrationEvents.NodeBonded.TYPE, new IntegrationEvents.NodeBonded(g.nodeId(),
                "n1owner" + g.nodeId(), g.identity().base58(), "gw" + g.nodeId() + ".example", 8080,
                new IntegrationEvents.NodeRoles(false, true, true), Unym.of(100_000_000L), 1), id);
    }

    /** Makes sure the epoch clock is known (EpochStarted(1) is harmless if a later epoch runs already). */
    public static void ensureEpochClock() {
        if (given().get("/v1/epochs/current").jsonPath().get("epoch_clock") != null) {
            return;
        }
        produce(topic("selection"), IntegrationEvents.EpochStarted.TYPE, new IntegrationEvents.EpochStarted(1, 0, 1,
                Instant.now(), Instant.now().plusSeconds(3600)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/v1/epochs/current").jsonPath().get("epoch_clock") != null);
    }

    public static String topic(String service) {
        return ConfigProvider.getConfig().getValue("topics." + service, String.class);
    }

    /** Produces an integration event as its producing service's relay would, with a fresh event id. */
    public static UUID produce(String topic, String type, Object record) {
        return produce(topic, type, record, UUID.randomUUID());
    }

    /** Produces an integration event with the given event id. */
    public static UUID produce(String topic, String type, Object record, UUID id) {
        NewEvent encoded = IntegrationEvents.codec().encode(id, record);
        long seq = SEQ.getAndIncrement();
        StoredEvent stored = new StoredEvent(seq, seq, id, "test-" + type, seq, type, encoded.schemaVersion(),
                encoded.payload(), Map.of(), Instant.now());
        try {
            producer().send(KafkaEnvelope.toRecord(topic, 0, stored, seq)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
        return id;
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(LocalInfra.kafkaConfig());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    public static String newSerial() {
        byte[] bytes = new byte[TicketSerial.SERIAL_BYTES];
        RANDOM.nextBytes(bytes);
        return TicketSerial.ofBytes(bytes).base58();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    public static SubmittedTicket ticket(String serial) {
        return new SubmittedTicket(serial, "v1-mixnet-entry", today());
    }

    public static List<SubmittedTicket> freshTickets(int n) {
        List<SubmittedTicket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ticket(newSerial()));
        }
        return out;
    }

    /** The JSON body of a batch signed by {@code signer} in the name of {@code claimed}. */
    public static String body(Gateway signer, GatewayIdentity claimed, String key, List<SubmittedTicket> tickets,
                              Instant submittedAt) {
        Instant at = submittedAt.truncatedTo(ChronoUnit.MILLIS);
        String signature = GatewaySignatures.signBase58(signer.keys().getPrivate(),
                BatchSigningPayload.bytes(claimed, key, at, tickets));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gateway", claimed.base58());
        body.put("idempotency_key", key);
        body.put("submitted_at", at.toString());
        body.put("tickets", tickets.stream().map(t -> Map.of("serial", t.serial(), "ticket_type", t.type(),
                "spend_date", t.spendDate().toString())).toList());
        body.put("signature", signature);
        return Json.write(body);
    }

    public static String body(Gateway g, String key, List<SubmittedTicket> tickets) {
        return body(g, g.identity(), key, tickets, Instant.now());
    }

    public static Response submit(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/ticket-batches");
    }

    public static String key() {
        return "batch-" + UUID.randomUUID();
    }

    /** Events in the log whose payload mentions this node id. */
    public static long eventsMentioning(DataSource dataSource, long nodeId) {
        return Transactions.inTransaction(dataSource, c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM event_log WHERE payload::text LIKE ?")) {
                ps.setString(1, "%" + nodeId + "%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
