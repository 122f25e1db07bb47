package net.nym.tokenomics.ticketledger.bench;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.signing.GatewaySignatures;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, or the jar named by {@code -Dbench.service-jar}; build it with
 * {@code mvn -o -pl ticket-ledger-service package -DskipTests}) as a separate JVM with a schema and topics of its own,
 * plus a client: gateways, signed batches, input events. For the benchmark and the crash check (mains, not tests).
 */
public final class ServiceProcess implements AutoCloseable {

    final String run;
    final int port;
    final Path log;
    private final Path jwtKey;
    private Process process;
    /**
     * HTTP/1.1, a connection per concurrent request, as gateways' clients talk to the ledger. The JDK client's default
     * would upgrade to cleartext HTTP/2 and multiplex every thread over one connection, i.e. one server event loop.
     */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaProducer<String, byte[]> producer;
    private long seq = 1;

    public ServiceProcess(int port) throws Exception {
        this(port, "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    /** An instance on the schema and topics of {@code run}: two with the same run are one scaled-out service. */
    public ServiceProcess(int port, String run) throws Exception {
        this.port = port;
        this.run = run;
        this.log = Files.createTempFile("ticket-ledger-" + run, ".log");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair jwt = g.generateKeyPair();
        jwtKey = Files.createTempFile("jwt-", ".pem");
        Files.writeString(jwtKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(jwt.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Properties p = new Properties();
        p.putAll(LocalInfra.kafkaConfig());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    String topic(String service) {
        return run + ".nym." + service + ".events";
    }

    public void start(Map<String, String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.datasource.jdbc.url", LocalInfra.jdbcUrl("ticket_ledger_test") + "?currentSchema=" + run);
        props.put("quarkus.flyway.schemas", run);
        // the usage read model's reactive client (ADR 0012) reads the same schema
        props.put("quarkus.datasource.reactive.url", LocalInfra.jdbcUrl("ticket_ledger_test").substring("jdbc:".length()));
        props.put("quarkus.hibernate-orm.database.default-schema", run);
        props.put("quarkus.flyway.create-schemas", "true");
        for (String s : List.of("rewards", "performance", "selection", "ticket-ledger")) {
            props.put("topics." + s, topic(s));
        }
        props.put("mp.jwt.verify.publickey.location", jwtKey.toUri().toString());
        props.putAll(extra);
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        // e.g. -Dbench.service-jvm-options=-XX:StartFlightRecording=filename=/tmp/ledger.jfr to profile the service
        String jvmOptions = System.getProperty("bench.service-jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) {
            cmd.addAll(List.of(jvmOptions.split("\\s+")));
        }
        cmd.add("-jar");
        // another build's jar (bench.service-jar) for same-run comparisons of two versions
        cmd.add(new File(System.getProperty("bench.service-jar", "target/quarkus-app/quarkus-run.jar")).getAbsolutePath());
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service not ready in 90 s; see " + log);
    }

    /** The service's process id (for jcmd). */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no graceful close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public record Gateway(long nodeId, KeyPair keys) {
        GatewayIdentity identity() {
            return GatewaySignatures.identity(keys.getPublic());
        }
    }

    Gateway bondGateway(long nodeId) throws Exception {
        Gateway g = new Gateway(nodeId, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        produce(topic("rewards"), new IntegrationEvents.NodeBonded(nodeId, "n1owner" + nodeId, g.identity().base58(),
                "gw.example", 8080, new IntegrationEvents.NodeRoles(false, true, true), Unym.of(100_000_000L), 1));
        await(() -> get("/v1/gateways/" + nodeId).statusCode() == 200, "gateway " + nodeId + " registered");
        return g;
    }

    void startEpoch(long epoch) throws Exception {
        produce(topic("selection"), new IntegrationEvents.EpochStarted(epoch, 0, (int) epoch, Instant.now(),
                Instant.now().plusSeconds(3600)));
        await(() -> get("/v1/epochs/current").body().contains("\"epoch_clock\":" + epoch), "epoch clock " + epoch);
    }

    void produce(String topic, Object record) throws Exception {
        UUID id = UUID.randomUUID();
        NewEvent e = IntegrationEvents.codec().encode(id, record);
        long s = seq++;
        producer.send(KafkaEnvelope.toRecord(topic, 0, new StoredEvent(s, s, id, "bench", s, e.eventType(),
                e.schemaVersion(), e.payload(), Map.of(), Instant.now()), s)).get();
    }

    static String body(Gateway g, String key, List<SubmittedTicket> tickets) {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gateway", g.identity().base58());
        body.put("idempotency_key", key);
        body.put("submitted_at", at.toString());
        body.put("tickets", tickets.stream().map(t -> Map.of("serial", t.serial(), "ticket_type", t.type(),
                "spend_date", t.spendDate().toString())).toList());
        body.put("signature", GatewaySignatures.signBase58(g.keys().getPrivate(),
                BatchSigningPayload.bytes(g.identity(), key, at, tickets)));
        return Json.write(body);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (java.io.IOException retry) {
                // not up
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        producer.close();
    }
}
