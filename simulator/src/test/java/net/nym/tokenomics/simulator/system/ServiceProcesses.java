package net.nym.tokenomics.simulator.system;

import net.nym.tokenomics.eventlog.inbox.ConsumerGroupReset;
import net.nym.tokenomics.eventlog.replay.RebuildFromKafka;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The four services as real processes (their packaged quarkus-run.jar), for end-to-end tests. Each run gets its own
 * database schemas and its own topics (prefix {@code e2e-<run>.}), so runs never see each other's data; a service can be
 * killed and started again on the same schema and topics.
 */
public final class ServiceProcesses implements AutoCloseable {

    public static final List<String> SERVICES = List.of("rewards", "performance", "selection", "ticket-ledger");

    private final Path repo;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> properties = new LinkedHashMap<>();
    private final Path logs;

    public ServiceProcesses(Path repo, int basePort, Map<String, Map<String, String>> extraProperties) throws IOException {
        this.repo = repo;
        this.logs = Files.createDirectories(repo.resolve("simulator/target/e2e-" + run));
        int i = 0;
        for (String svc : SERVICES) {
            ports.put(svc, basePort + i++);
            Map<String, String> p = new LinkedHashMap<>();
            String db = svc.replace('-', '_') + "_test";
            p.put("quarkus.http.port", String.valueOf(ports.get(svc)));
            p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432")
                    + "/" + db + "?currentSchema=e2e_" + run);
            p.put("quarkus.flyway.schemas", "e2e_" + run);
            // the read models' reactive client (every service; ADR 0012) reads the same schema
            p.put("quarkus.datasource.reactive.url", "postgresql://" + env("PG_HOST", "127.0.0.1") + ":"
                    + env("PG_PORT", "5432") + "/" + db);
            p.put("quarkus.hibernate-orm.database.default-schema", "e2e_" + run);
            p.put("quarkus.flyway.create-schemas", "true");
            for (String t : SERVICES) {
                p.put("topics." + t, "e2e-" + run + ".nym." + t + ".events");
            }
            p.put("eventlog.kafka-bootstrap-servers", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
            // consumer groups of this run only (still named <svc>-service…, as resetConsumerGroups looks for them): a
            // group shared with another run on the same broker (a benchmark, another test JVM) would keep members the
            // rebuild waits to see gone
            switch (svc) {
                case "rewards" -> p.put("mp.messaging.incoming.epoch-inputs.group.id", "rewards-service-epoch-inputs-e2e-" + run);
                case "performance" -> p.put("performance.consumer-prefix", "performance-service-e2e-" + run);
                case "selection" -> p.put("selection.consumer-name", "selection-service-inputs-e2e-" + run);
                case "ticket-ledger" -> p.put("mp.messaging.incoming.ledger-inputs.group.id", "ticket-ledger-service-e2e-" + run);
                default -> throw new IllegalArgumentException(svc);
            }
            // The simulated nodes listen on 127.1.x.y: a local run allows loopback hosts (production refuses them).
            p.put("nym.nodes.allow-private-hosts", "true");
            p.putAll(extraProperties.getOrDefault("*", Map.of()));
            p.putAll(extraProperties.getOrDefault(svc, Map.of()));
            properties.put(svc, p);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public String run() {
        return run;
    }

    public String baseUrl(String svc) {
        return "http://127.0.0.1:" + ports.get(svc);
    }

    public String topic(String svc) {
        return "e2e-" + run + ".nym." + svc + ".events";
    }

    public void startAll() throws Exception {
        for (String svc : SERVICES) {
            start(svc);
        }
        for (String svc : SERVICES) {
            awaitReady(svc);
        }
    }

    public void start(String svc) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + System.getProperty("e2e.xmx", "384m"));
        properties.get(svc).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(repo.resolve(svc + "-service/target/quarkus-app/quarkus-run.jar").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(svc + ".log").toFile())).start();
        processes.put(svc, p);
    }

    public void awaitReady(String svc) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(svc).isAlive()) {
                throw new IllegalStateException(svc + " exited during start-up; see " + logs.resolve(svc + ".log"));
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl(svc) + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(svc + " not ready within 120 s; see " + logs.resolve(svc + ".log"));
    }

    /**
     * The documented rebuild of one service from Kafka: stop the process, drop its whole schema (events committed but
     * not yet published are lost with it), reset the service's consumer-group offsets
     * on this run's topics so that every input is delivered again (the rebuilt inbox turns the already-applied ones
     * into no-ops; the lost ones are applied again), import the service's topic with event-log's
     * {@code RebuildFromKafka}, and start the service on the rebuilt log.
     */
    public void rebuildFromKafka(String svc) throws Exception {
        stop(svc);
        String schema = "e2e_" + run;
        String db = svc.replace('-', '_') + "_test";
        try (Connection c = DriverManager.getConnection(LocalInfra.jdbcUrl(db), "tokenomics", "tokenomics");
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        resetConsumerGroups(svc);
        RebuildFromKafka.main(new String[] {"--jdbc-url", LocalInfra.jdbcUrl(db), "--user", "tokenomics",
                "--password", "tokenomics", "--schema", schema, "--bootstrap", LocalInfra.bootstrapServers(),
                "--topic", topic(svc), "--relay-name", svc + "-service"});
        start(svc);
        awaitReady(svc);
    }

    /** Deletes the committed offsets of the service's consumer groups ({@code <svc>-service…}) on this run's topics. */
    private void resetConsumerGroups(String svc) throws Exception {
        ConsumerGroupReset.reset(LocalInfra.kafkaConfig(), svc + "-service", t -> t.startsWith("e2e-" + run + "."),
                Duration.ofSeconds(60));
    }

    /** SIGTERM and wait: the service shuts down as it would for a deployment. */
    public void stop(String svc) throws InterruptedException {
        Process p = processes.get(svc);
        p.destroy();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** SIGKILL, as a crash. */
    public void kill(String svc) throws InterruptedException {
        Process p = processes.get(svc);
        p.destroyForcibly();
        p.waitFor();
    }

    @Override
    public void close() {
        processes.values().forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
