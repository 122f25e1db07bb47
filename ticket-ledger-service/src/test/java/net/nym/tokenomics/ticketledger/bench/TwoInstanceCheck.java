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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test (it needs the packaged jar): two instances of the service on one database and one set of topics; 20
 * threads send batches that all contain the same contested serials, alternating instance and gateway. Every contested
 * serial must be accepted exactly once, by one request on one instance, and both instances must end up agreeing.
 */
public final class TwoInstanceCheck {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        SecureRandom random = new SecureRandom();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> config = Map.of("ticket-ledger.rate-limit.enabled", "false", "quarkus.log.level", "WARN");
        List<String> problems = new ArrayList<>();
        try (ServiceProcess a = new ServiceProcess(18186);
             ServiceProcess b = new ServiceProcess(18187, a.run)) {
            a.start(config);
            b.start(config);
            ServiceProcess.Gateway g1 = a.bondGateway(7001);
            ServiceProcess.Gateway g2 = a.bondGateway(7002);
            a.startEpoch(1);
            ServiceProcess.await(() -> b.get("/v1/gateways/7002").statusCode() == 200, "instance b sees the gateways");
            ServiceProcess.await(() -> !b.get("/v1/epochs/current").body().contains("\"epoch_clock\":null"), "epoch clock");
            List<String> allContested = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<String> contested = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    byte[] bytes = new byte[48];
                    random.nextBytes(bytes);
                    contested.add(TicketSerial.ofBytes(bytes).base58());
                }
                allContested.addAll(contested);
                ExecutorService pool = Executors.newFixedThreadPool(20);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> futures = new ArrayList<>();
                for (int t = 0; t < 20; t++) {
                    ServiceProcess instance = t % 2 == 0 ? a : b;
                    ServiceProcess.Gateway g = (t / 2) % 2 == 0 ? g1 : g2;
                    List<String> order = new ArrayList<>(contested);
                    if (t % 3 == 0) {
                        Collections.reverse(order);
                    }
                    List<SubmittedTicket> tickets = order.stream().map(s -> new SubmittedTicket(s, "v1-mixnet-entry", today)).toList();
                    String body = ServiceProcess.body(g, "two-" + round + "-" + t, tickets);
                    futures.add(pool.submit(() -> {
                        start.await();
                        return instance.post("/v1/ticket-batches", body);
                    }));
                }
                start.countDown();
                Map<String, Integer> accepted = new java.util.TreeMap<>();
                for (Future<HttpResponse<String>> f : futures) {
                    HttpResponse<String> r = f.get();
                    if (r.statusCode() != 200) {
                        problems.add("HTTP " + r.statusCode() + ": " + r.body());
                        continue;
                    }
                    for (JsonNode o : Json.mapper().readTree(r.body()).get("tickets")) {
                        if ("accepted".equals(o.get("outcome").asText())) {
                            accepted.merge(o.get("serial").asText(), 1, Integer::sum);
                        }
                    }
                }
                pool.shutdown();
                for (String s : contested) {
                    if (accepted.getOrDefault(s, 0) != 1) {
                        problems.add("round " + round + ": serial " + s + " accepted " + accepted.getOrDefault(s, 0) + " times");
                    }
                }
            }
            DataSource ds = LocalInfra.dataSource("ticket_ledger_test", a.run);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("SELECT count(*) FROM redeemed_serial");
                rs.next();
                if (rs.getLong(1) != allContested.size()) {
                    problems.add("redeemed_serial has " + rs.getLong(1) + " rows, expected " + allContested.size());
                }
            }
            // Both instances converge on the same view (b tails a's writes and vice versa within ~1 s).
            ServiceProcess.await(() -> a.get("/v1/epochs/current").body().replaceAll("\"epoch_clock\":\\d+,", "")
                    .equals(b.get("/v1/epochs/current").body().replaceAll("\"epoch_clock\":\\d+,", "")), "instances agree");
            for (String s : allContested) {
                String ra = a.get("/v1/tickets/" + s).body();
                String rb = b.get("/v1/tickets/" + s).body();
                if (!ra.equals(rb)) {
                    problems.add("instances disagree on " + s + ": " + ra + " vs " + rb);
                }
            }
            System.out.printf("%d rounds x 20 concurrent batches over 2 instances, %d contested serials%n", rounds, allContested.size());
        }
        if (problems.isEmpty()) {
            System.out.println("OK: every contested serial accepted exactly once across both instances; SQL and both views agree");
            System.exit(0);
        }
        problems.stream().limit(20).forEach(p -> System.out.println("PROBLEM: " + p));
        System.exit(1);
    }
}
