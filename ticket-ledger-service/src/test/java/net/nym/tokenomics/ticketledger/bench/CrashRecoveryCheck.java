package net.nym.tokenomics.ticketledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test (it needs the packaged jar): a client submits batches with retries while the service, a separate JVM, is
 * killed with SIGKILL mid-load and restarted; at the end every ticket must be counted exactly once — against the
 * client's own record, the REST reads, the SQL index and the log. Exits 1 on any discrepancy.
 */
public final class CrashRecoveryCheck {

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int perBatch = 50;
        SecureRandom random = new SecureRandom();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> config = Map.of("ticket-ledger.rate-limit.enabled", "false", "quarkus.log.level", "WARN");
        try (ServiceProcess service = new ServiceProcess(18185)) {
            service.start(config);
            ServiceProcess.Gateway g = service.bondGateway(4242);
            service.startEpoch(1);
            Map<String, List<SubmittedTicket>> batchTickets = new HashMap<>();
            Map<String, String> acceptedIn = new HashMap<>();
            AtomicInteger retries = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            Thread client = Thread.ofPlatform().start(() -> {
                for (int b = 0; b < batches; b++) {
                    String key = "crash-" + b;
                    List<SubmittedTicket> tickets = new ArrayList<>();
                    for (int t = 0; t < perBatch; t++) {
                        byte[] bytes = new byte[48];
                        random.nextBytes(bytes);
                        tickets.add(new SubmittedTicket(TicketSerial.ofBytes(bytes).base58(), "v1-mixnet-entry", today));
                    }
                    batchTickets.put(key, tickets);
                    while (true) {
                        try {
                            // Re-signed at each attempt (fresh submitted_at); same key and tickets, so a retry of a
                            // batch that committed before the crash gets its original answer.
                            HttpResponse<String> r = service.post("/v1/ticket-batches", ServiceProcess.body(g, key, tickets));
                            if (r.statusCode() == 200) {
                                for (JsonNode o : Json.mapper().readTree(r.body()).get("tickets")) {
                                    if ("accepted".equals(o.get("outcome").asText())) {
                                        if (acceptedIn.put(o.get("serial").asText(), key) != null) {
                                            throw new IllegalStateException("serial accepted twice: " + o);
                                        }
                                    }
                                }
                                break;
                            }
                            retries.incrementAndGet();
                        } catch (java.io.IOException | InterruptedException e) {
                            retries.incrementAndGet();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    done.incrementAndGet();
                }
            });
            while (done.get() < batches / 3) {
                Thread.sleep(20);
            }
            service.kill();
            System.out.printf("killed -9 after %d of %d batches; restarting%n", done.get(), batches);
            service.start(config);
            client.join();

            int expected = batches * perBatch;
            List<String> problems = new ArrayList<>();
            if (acceptedIn.size() != expected) {
                problems.add("client saw " + acceptedIn.size() + " accepted tickets, expected " + expected);
            }
            for (Map.Entry<String, List<SubmittedTicket>> b : batchTickets.entrySet()) {
                for (SubmittedTicket t : b.getValue()) {
                    if (!b.getKey().equals(acceptedIn.get(t.serial()))) {
                        problems.add("ticket " + t.serial() + " of " + b.getKey() + " not accepted in its batch");
                    }
                }
            }
            ServiceProcess.await(() -> Json.mapper().readTree(service.get("/v1/gateways/4242/usage").body())
                    .get("epochs").get(0).get("tickets").asLong() == expected, "usage equal to " + expected);
            DataSource ds = LocalInfra.dataSource("ticket_ledger_test", service.run);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT serial) FROM redeemed_serial");
                rs.next();
                if (rs.getLong(1) != expected) {
                    problems.add("redeemed_serial has " + rs.getLong(1) + " rows, expected " + expected);
                }
                rs = st.executeQuery("SELECT count(*), count(DISTINCT payload->>'batch_id'), "
                        + "coalesce(sum((payload->'counts'->>'accepted')::int), 0) FROM event_log WHERE event_type = 'TicketBatchRedeemed'");
                rs.next();
                if (rs.getLong(1) != batches || rs.getLong(2) != batches || rs.getLong(3) != expected) {
                    problems.add("log has " + rs.getLong(1) + " batch events for " + rs.getLong(2) + " keys accepting "
                            + rs.getLong(3) + " tickets; expected " + batches + " / " + batches + " / " + expected);
                }
            }
            System.out.printf("%d batches, %d tickets, %d retries across the crash%n", batches, expected, retries.get());
            if (problems.isEmpty()) {
                System.out.println("OK: every ticket counted exactly once (client record = REST usage = SQL index = log)");
            } else {
                problems.stream().limit(20).forEach(p -> System.out.println("PROBLEM: " + p));
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
