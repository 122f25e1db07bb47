package net.nym.tokenomics.ticketledger.bench;

import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: tickets/s through {@code POST /v1/ticket-batches} of the packaged service in its own JVM — batches of
 * 500 fresh tickets, ed25519-verified, committed with their index rows, and published to Kafka — with p50/p99 batch
 * latency; then PostgreSQL's raw rate of inserting the same serials into a unique index, for comparison.
 * Run from the module directory after {@code package}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) net.nym.tokenomics.ticketledger.bench.TicketLedgerBenchmark [batches] [threads]}.
 */
public final class TicketLedgerBenchmark {

    private static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int gateways = 8;
        SecureRandom random = new SecureRandom();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (ServiceProcess service = new ServiceProcess(18184)) {
            service.start(Map.of("ticket-ledger.rate-limit.enabled", "false", "quarkus.log.level", "WARN"));
            List<ServiceProcess.Gateway> gws = new ArrayList<>();
            for (int i = 0; i < gateways; i++) {
                gws.add(service.bondGateway(1000 + i));
            }
            service.startEpoch(1);
            // Bodies are built (and signed) up front so the client's own signing is not measured.
            List<String> bodies = new ArrayList<>();
            List<String> serials = new ArrayList<>();
            for (int b = 0; b < batches + 20; b++) {
                List<SubmittedTicket> tickets = new ArrayList<>(BATCH);
                for (int t = 0; t < BATCH; t++) {
                    byte[] bytes = new byte[48];
                    random.nextBytes(bytes);
                    String serial = TicketSerial.ofBytes(bytes).base58();
                    tickets.add(new SubmittedTicket(serial, "v1-mixnet-entry", today));
                    if (b >= 20) {
                        serials.add(serial);
                    }
                }
                bodies.add(ServiceProcess.body(gws.get(b % gateways), "bench-" + b, tickets));
            }
            for (int b = 0; b < 20; b++) {
                require(service.post("/v1/ticket-batches", bodies.get(b)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger next = new AtomicInteger(20);
            long[] latencies = new long[batches];
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int b;
                    while ((b = next.getAndIncrement()) < batches + 20) {
                        long s = System.nanoTime();
                        try {
                            require(service.post("/v1/ticket-batches", bodies.get(b)));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        latencies[b - 20] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            long committed = System.nanoTime() - started;
            pool.shutdown();
            // Published: the relay's checkpoint (written only once Kafka acknowledged) reached the end of the log.
            // Polling it is cheap, unlike reading the topic, which would compete with the service for the CPUs.
            long publishedAt;
            DataSource serviceDb = LocalInfra.dataSource("ticket_ledger_test", service.run);
            try (Connection c = serviceDb.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT max(global_position) FROM event_log)
                           <= coalesce((SELECT max(global_position) FROM outbox_checkpoint), 0)""")) {
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            publishedAt = System.nanoTime() - started;
                            break;
                        }
                    }
                    Thread.sleep(20);
                }
            }
            long onTopic = LocalInfra.readAll(service.topic("ticket-ledger")).stream()
                    .filter(r -> "TicketBatchRedeemed".equals(new String(r.headers().lastHeader(KafkaEnvelope.EVENT_TYPE).value())))
                    .count();
            if (onTopic != batches + 20) {
                throw new IllegalStateException(onTopic + " batch events on the topic, expected " + (batches + 20));
            }
            List<Long> sorted = new ArrayList<>();
            for (long l : latencies) {
                sorted.add(l);
            }
            Collections.sort(sorted);
            long tickets = (long) batches * BATCH;
            System.out.printf("REST: %d batches x %d tickets, %d client threads, %d gateways%n", batches, BATCH, threads, gateways);
            System.out.printf("  committed: %.0f tickets/s (%.1f batches/s) in %.2f s%n", tickets / (committed / 1e9),
                    batches / (committed / 1e9), committed / 1e9);
            System.out.printf("  published to Kafka: %.0f tickets/s (all events on the topic after %.2f s)%n",
                    tickets / (publishedAt / 1e9), publishedAt / 1e9);
            System.out.printf("  batch latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6,
                    sorted.getLast() / 1e6);
            for (String line : service.get("/q/metrics").body().split("\n")) {
                if (line.startsWith("ticket_ledger_writer_lock_held_seconds{") || line.startsWith("ticket_ledger_batch_transaction_seconds{")
                        || line.startsWith("ticket_ledger_group_batches{") || line.startsWith("ticket_ledger_group_batches_count")
                        || line.startsWith("ticket_ledger_writer_lock_held_seconds_count")) {
                    System.out.println("  server " + line);
                }
            }
            rawInsert(serials);
        }
    }

    /** The same serials into a bare unique index, 500 per statement, one connection: the floor of the index cost. */
    private static void rawInsert(List<String> serials) throws Exception {
        String schema = "bench_raw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        DataSource ds = LocalInfra.dataSource("ticket_ledger_test", null);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".raw_serial (serial TEXT PRIMARY KEY)");
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema
                    + ".raw_serial SELECT unnest(?::text[]) ON CONFLICT DO NOTHING")) {
                for (int i = 0; i < serials.size(); i += BATCH) {
                    ps.setArray(1, c.createArrayOf("text", serials.subList(i, Math.min(serials.size(), i + BATCH)).toArray()));
                    ps.executeUpdate();
                    c.commit();
                }
            }
            long elapsed = System.nanoTime() - started;
            System.out.printf("PostgreSQL raw: %d serials into a unique index, %d per committed statement: %.0f rows/s%n",
                    serials.size(), BATCH, serials.size() / (elapsed / 1e9));
            c.setAutoCommit(true);
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void require(HttpResponse<String> r) {
        if (r.statusCode() != 200 || !r.body().contains("\"accepted\":" + BATCH)) {
            throw new IllegalStateException("batch refused: " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }
}
