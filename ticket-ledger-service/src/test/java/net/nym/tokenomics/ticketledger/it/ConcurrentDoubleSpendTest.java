package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.newSerial;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.ticket;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrentDoubleSpendTest {

    private static final int THREADS = 20;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void epochKnown() {
        LedgerTestSupport.ensureEpochClock();
    }

    @Test
    void theSameSerialsSubmittedConcurrentlyByTwoGatewaysAreAcceptedExactlyOnce() throws Exception {
        Gateway a = bondedGateway();
        Gateway b = bondedGateway();
        // Every request carries the same 5 contested serials plus 3 of its own.
        List<String> contested = List.of(newSerial(), newSerial(), newSerial(), newSerial(), newSerial());
        List<String> bodies = new ArrayList<>();
        List<List<String>> own = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Gateway g = i % 2 == 0 ? a : b;
            List<SubmittedTicket> tickets = new ArrayList<>();
            List<String> mine = List.of(newSerial(), newSerial(), newSerial());
            own.add(mine);
            // Alternate the order so that requests contend on the index from both ends.
            List<String> order = new ArrayList<>(contested);
            if (i % 4 >= 2) {
                java.util.Collections.reverse(order);
            }
            order.forEach(s -> tickets.add(ticket(s)));
            mine.forEach(s -> tickets.add(ticket(s)));
            bodies.add(body(g, key(), tickets));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (String body : bodies) {
            futures.add(pool.submit((Callable<Response>) () -> {
                start.await();
                return submit(body);
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();

        long acceptedTotal = 0;
        for (String serial : contested) {
            int accepted = 0;
            int doubleSpends = 0;
            int replays = 0;
            long winner = -1;
            for (int i = 0; i < THREADS; i++) {
                Response r = responses.get(i);
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
                List<Map<String, Object>> outcomes = r.jsonPath().getList("tickets");
                Map<String, Object> o = outcomes.stream().filter(t -> serial.equals(t.get("serial"))).findFirst().orElseThrow();
                switch ((String) o.get("outcome")) {
                    case "accepted" -> {
                        accepted++;
                        winner = r.jsonPath().getLong("gateway.node_id");
                    }
                    case "double_spend" -> doubleSpends++;
                    case "replayed" -> replays++;
                    default -> throw new AssertionError("unexpected outcome " + o);
                }
            }
            assertThat(accepted).as("serial %s accepted", serial).isEqualTo(1);
            // The other gateway's 10 attempts are double spends; the winner's other 9 are harmless replays.
            assertThat(doubleSpends).isEqualTo(THREADS / 2);
            assertThat(replays).isEqualTo(THREADS / 2 - 1);
            assertThat(Sql.redeemed(dataSource, List.of(serial))).containsExactly(Map.entry(serial, winner));
            given().get("/v1/tickets/" + serial).then().statusCode(200)
                    .body("double_spend_attempts.size()", org.hamcrest.Matchers.equalTo(THREADS / 2));
        }
        for (Response r : responses) {
            acceptedTotal += r.jsonPath().getLong("counts.accepted");
        }
        assertThat(acceptedTotal).isEqualTo(contested.size() + 3L * THREADS);

        // Usage totals of both gateways equal the accepted count across all responses.
        long usage = 0;
        for (Gateway g : List.of(a, b)) {
            List<Integer> tickets = given().get("/v1/gateways/" + g.nodeId() + "/usage").then().statusCode(200)
                    .extract().jsonPath().getList("epochs.tickets", Integer.class);
            usage += tickets.stream().mapToLong(Integer::longValue).sum();
        }
        assertThat(usage).isEqualTo(acceptedTotal);
        List<String> all = new ArrayList<>(contested);
        own.forEach(all::addAll);
        assertThat(Sql.redeemed(dataSource, all)).hasSize(all.size());
    }
}
